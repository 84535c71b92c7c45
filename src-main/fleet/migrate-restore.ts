// Undoes the done steps of a failed migration, newest first: the new job goes, the legacy plist comes
// back, the state moves back to the root with openclaw.json's original bytes, and the legacy job is
// loaded again. Every undo runs even when one fails, and each says what it did.
import { basename, join } from 'node:path';
import { chmod, readFile } from 'node:fs/promises';
import type { MigrationPlan } from '../core/migration-plan.ts';
import type { MigrationStep } from '../core/migration-steps.ts';
import { writeFileAtomic } from '../platform/atomic-file.ts';
import type { FleetContext } from './fleet-context.ts';
import { copyFileExclusive, moveFile, removeIfEmpty } from './migrate-files.ts';
import { waitUntilServing } from './wait-serving.ts';

export interface RestoreReport {
  /** Every undo completed. */
  complete: boolean;
  lines: string[];
}

export async function restoreMigration(
  ctx: FleetContext,
  plan: MigrationPlan,
  undo: readonly MigrationStep[],
  options: { interrupted?: Promise<void> },
): Promise<RestoreReport> {
  const lines: string[] = [];
  let complete = true;
  const movedBack: string[] = [];
  // The moves are undone one by one but reported as one line, where they happen in the order.
  const flushMoves = () => {
    if (movedBack.length > 0) lines.push(`moved back to the root: ${movedBack.splice(0).join(', ')}`);
  };
  for (const step of undo) {
    if (step.kind !== 'move') flushMoves();
    try {
      const line = await undoStep(ctx, plan, step, options);
      if (step.kind === 'move') movedBack.push(basename(step.from));
      else if (line !== null) lines.push(line);
    } catch (error) {
      complete = false;
      lines.push(`could not undo "${step.kind}" (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  flushMoves();
  return { complete, lines };
}

async function undoStep(
  ctx: FleetContext,
  plan: MigrationPlan,
  step: MigrationStep,
  options: { interrupted?: Promise<void> },
): Promise<string | null> {
  const failedDir = join(plan.backupRoot, 'failed');
  switch (step.kind) {
    case 'load': {
      const result = await ctx.launchd.unload(step.label);
      if (result.kind !== 'ok' && result.kind !== 'not-loaded') throw new Error(result.message);
      return result.kind === 'ok' ? `unloaded ${step.label}` : null;
    }
    case 'retire-legacy-plist':
      await copyFileExclusive(step.backup, step.path);
      await chmod(step.path, 0o644);
      return `put back ${step.path}`;
    case 'write-plist':
      // Never two plists for one gateway: the new one goes next to the backup, for a look at it.
      await moveFile(step.path, join(failedDir, basename(step.path)));
      return `moved ${step.path} to ${failedDir}`;
    case 'write-config': {
      if (step.create) return null;
      const original = await readFile(join(plan.backupRoot, 'root', 'openclaw.json'));
      await writeFileAtomic(step.path, original, { mode: plan.configMode ?? 0o600 });
      return 'put back the original bytes of openclaw.json';
    }
    case 'move':
      await moveFile(step.to, step.from);
      return null;
    case 'create-state-dir': {
      if (await removeIfEmpty(step.path)) return `removed ${step.path}`;
      // What is left was made by this run (created dirs, the failed start's log): kept, not deleted.
      const kept = join(failedDir, basename(step.path));
      await moveFile(step.path, kept);
      return `moved what the failed start left in ${step.path} to ${kept}`;
    }
    case 'unload-legacy':
      return reloadLegacy(ctx, plan, step.label, options);
    default:
      return null;
  }
}

async function reloadLegacy(
  ctx: FleetContext,
  plan: MigrationPlan,
  label: string,
  options: { interrupted?: Promise<void> },
): Promise<string> {
  const plistPath = plan.legacy?.plistPath;
  if (plistPath == null) throw new Error(`no plist to reload ${label} from`);
  const loaded = await ctx.launchd.load(label, plistPath);
  if (loaded.kind === 'already-loaded') return `${label} is still loaded`;
  if (loaded.kind !== 'ok') throw new Error(`reloading ${label}: ${loaded.message}`);
  const port = plan.legacy?.port ?? null;
  if (port === null) return `reloaded ${label}`;
  const serving = await waitUntilServing(
    ctx,
    { label, port, runsBefore: 0 },
    {
      timeoutMs: timeoutOf(plan) * 1000,
      ...(options.interrupted ? { interrupted: options.interrupted } : {}),
    },
  );
  return serving.ok
    ? `reloaded ${label}: serving on port ${port} again (pid ${serving.pid})`
    : `reloaded ${label}, but it is not serving: ${serving.reason}`;
}

function timeoutOf(plan: MigrationPlan): number {
  const wait = plan.steps.find((s) => s.kind === 'wait-serving');
  return wait?.kind === 'wait-serving' ? wait.timeoutSeconds : 30;
}
