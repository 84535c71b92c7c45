// `openclaw-fleet restart <name> [--timeout S]`: replace the gateway process and wait until it serves.
import { restartInstance } from '../../fleet/restart-instance.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { finish, instanceName, terminalProgress } from '../instance-command.ts';
import { secondsOption } from '../option-values.ts';
import { DEFAULT_SERVE_TIMEOUT_S } from './start.ts';

export const restartCommand: Command = {
  name: 'restart',
  summary:
    'restart an instance (kickstart -k, or unload + load when its plist changed) and wait until it serves',
  usage: 'restart <name> [--timeout S]',
  details: [
    `  --timeout S   how long to wait for the new gateway to serve (default ${DEFAULT_SERVE_TIMEOUT_S})`,
    'An instance that is not loaded is loaded. When the plist changed since launchd loaded it, the',
    'job is unloaded and loaded again, because kickstart would rerun the copy launchd parsed before.',
  ].join('\n'),
  options: { timeout: { type: 'string' } },
  positionals: 'any',
  async run({ io, args, paths, interrupted }) {
    const name = instanceName(args, 'restart');
    const timeoutMs = secondsOption(args, 'timeout', DEFAULT_SERVE_TIMEOUT_S) * 1000;
    const result = await restartInstance(fleetFor(paths, io), name, {
      timeoutMs,
      interrupted,
      progress: terminalProgress(io),
    });
    return finish(io, result);
  },
};
