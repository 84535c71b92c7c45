// `migration.json` in the backup folder: what moved where, so a migration cut short (power loss, kill -9)
// can be finished or reversed by hand. No token: the config's keys are named, never their values.
import { describeConfigEdit } from '../core/migration-config.ts';
import type { MigrationPlan } from '../core/migration-plan.ts';
import type { FleetLocation } from './fleet-context.ts';

export function migrationManifest(plan: MigrationPlan, location: FleetLocation): string {
  const moved = plan.steps.flatMap((s) => (s.kind === 'move' ? [{ from: s.from, to: s.to }] : []));
  const copies = plan.steps.flatMap((s) =>
    s.kind === 'backup-file' || s.kind === 'backup-tree' ? [{ original: s.from, copy: s.to }] : [],
  );
  const manifest = {
    startedAt: new Date().toISOString(),
    root: location.root,
    agentsDir: location.agentsDir,
    instance: {
      name: plan.name,
      label: plan.label,
      stateDir: plan.stateDir,
      plistPath: plan.plistPath,
      port: plan.port,
    },
    legacy: plan.legacy,
    moved,
    copies,
    configEdits: plan.configEdits.map(describeConfigEdit),
    undoByHand: [
      `launchctl bootout gui/$(id -u)/${plan.label}; remove ${plan.plistPath}`,
      'move every "moved" entry back from "to" to "from" (or copy "copies" back over the originals)',
      ...(plan.legacy?.plistPath
        ? [
            `copy the legacy plist back to ${plan.legacy.plistPath}, then launchctl bootstrap gui/$(id -u) ${plan.legacy.plistPath}`,
          ]
        : []),
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
