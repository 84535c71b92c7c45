// The order of a migration. The legacy job stops before anything is copied, so the backup is a copy
// of quiet state (the gateway writes its SQLite and locks while it runs); every copy is made before
// its original moves; the legacy plist leaves the LaunchAgents dir before the new job loads, so the
// two never claim the state or the port together.
import type { MigrationPlan } from './migration-plan.ts';
import type { MigrationStep } from './migration-steps.ts';
import { baseName, dirOf, joinPath } from './paths.ts';

/** Dirs every instance has (plist-lint: launchd fails the spawn with 78 without the log folder). */
const REQUIRED_DIRS = ['logs', 'workspace'];

export const MANIFEST_FILE = 'migration.json';

type PlanParts = Omit<MigrationPlan, 'steps' | 'notes'>;

export function buildMigrationSteps(
  plan: PlanParts,
  options: { lockPaths: string[]; configExists: boolean; timeoutSeconds: number },
): MigrationStep[] {
  const { legacy, backupRoot, stateDir } = plan;
  const steps: MigrationStep[] = [{ kind: 'lock', paths: options.lockPaths }];
  if (legacy?.loaded) steps.push({ kind: 'unload-legacy', label: legacy.label });
  const plistBackup = legacy?.plistPath == null ? null : legacyPlistBackup(backupRoot, legacy.plistPath);
  if (legacy?.plistPath != null && plistBackup !== null) {
    steps.push({ kind: 'backup-file', from: legacy.plistPath, to: plistBackup });
  }
  for (const entry of plan.moves) {
    steps.push({
      kind: 'backup-tree',
      from: joinPath(dirOf(stateDir), entry),
      to: joinPath(backupRoot, 'root', entry),
    });
  }
  steps.push({ kind: 'write-manifest', path: joinPath(backupRoot, MANIFEST_FILE) });
  steps.push({ kind: 'create-state-dir', path: stateDir });
  for (const entry of plan.moves) {
    steps.push({ kind: 'move', from: joinPath(dirOf(stateDir), entry), to: joinPath(stateDir, entry) });
  }
  for (const dir of REQUIRED_DIRS) {
    if (!plan.moves.includes(dir)) steps.push({ kind: 'ensure-dir', path: joinPath(stateDir, dir) });
  }
  if (plan.configEdits.length > 0) {
    steps.push({
      kind: 'write-config',
      path: joinPath(stateDir, 'openclaw.json'),
      create: !options.configExists,
      edits: plan.configEdits,
    });
  }
  steps.push({ kind: 'write-plist', path: plan.plistPath, label: plan.label });
  if (legacy?.plistPath != null && plistBackup !== null) {
    steps.push({ kind: 'retire-legacy-plist', path: legacy.plistPath, backup: plistBackup });
  }
  steps.push({ kind: 'load', label: plan.label, plistPath: plan.plistPath });
  steps.push({
    kind: 'wait-serving',
    label: plan.label,
    port: plan.port,
    timeoutSeconds: options.timeoutSeconds,
  });
  return steps;
}

export function legacyPlistBackup(backupRoot: string, plistPath: string): string {
  return joinPath(backupRoot, 'LaunchAgents', baseName(plistPath));
}
