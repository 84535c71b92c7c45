// `openclaw-fleet remove <name> [--purge-state]`: unloads the instance and moves its plist into the
// fleet's backups; the state dir (config, token, workspace, logs) stays unless --purge-state moves it
// aside too. Nothing is ever deleted.
import { removeInstance, type RemoveResult } from '../../fleet/remove-instance.ts';
import { EXIT_OK, OperationFailed, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { flag } from '../option-values.ts';

export const removeCommand: Command = {
  name: 'remove',
  summary: 'unload an instance and move its plist (and with --purge-state its state dir) into the backups',
  usage: 'remove <name> [--purge-state]',
  details: [
    '  --purge-state   also move the state dir (config, token, workspace, logs) to <root>/.fleet/backups/state;',
    '                  needed before the name can be added again',
    'Plists go to <root>/.fleet/backups/plists under a timestamped name. Nothing is deleted.',
  ].join('\n'),
  options: { 'purge-state': { type: 'boolean' } },
  positionals: 'any',
  async run({ io, args, paths }) {
    if (args.positionals.length !== 1) {
      throw new UsageError(`'remove' takes exactly one instance name, got ${args.positionals.length}`);
    }
    const result = await removeInstance(fleetFor(paths, io), {
      name: args.positionals[0]!,
      purgeState: flag(args, 'purge-state'),
    });
    io.out(renderRemoved(result));
    return EXIT_OK;
  },
};

function renderRemoved(result: RemoveResult): string {
  if (result.kind === 'bad-input') throw new UsageError(result.message);
  if (result.kind === 'failed') throw new OperationFailed(result.message);
  const lines = [
    `removed ${result.name}: ${result.wasLoaded ? `unloaded ${result.label}` : `${result.label} was not loaded`}`,
  ];
  if (result.plistsMovedTo.length === 0) lines.push('  no plist to move');
  for (const path of result.plistsMovedTo) lines.push(`  plist moved to ${path}`);
  if (result.stateDir === null) lines.push('  no state dir');
  else if (result.stateDir.movedTo !== null) lines.push(`  state dir moved to ${result.stateDir.movedTo}`);
  else {
    lines.push(
      `  state dir kept at ${result.stateDir.path}; openclaw-fleet remove ${result.name} --purge-state moves it aside (needed to add ${result.name} again)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
