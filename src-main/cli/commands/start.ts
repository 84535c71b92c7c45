// `openclaw-fleet start <name> [--timeout S]`: load one instance and wait until it serves.
import { startInstance } from '../../fleet/start-instance.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { finish, instanceName, terminalProgress } from '../instance-command.ts';
import { secondsOption } from '../option-values.ts';

/** The real gateway listens 3-5 s after spawn (openclaw-gateway.md §5); leave room for a slow Mac. */
export const DEFAULT_SERVE_TIMEOUT_S = 30;

export const startCommand: Command = {
  name: 'start',
  summary: 'load an instance into launchd and wait until it serves',
  usage: 'start <name> [--timeout S]',
  details: [
    `  --timeout S   how long to wait for the gateway to serve (default ${DEFAULT_SERVE_TIMEOUT_S})`,
    'Refuses an invalid plist (exit 2), and a port or state dir that clashes with another instance',
    'or is held by another process (exit 1), before anything is loaded.',
  ].join('\n'),
  options: { timeout: { type: 'string' } },
  positionals: 'any',
  async run({ io, args, paths, interrupted }) {
    const name = instanceName(args, 'start');
    const timeoutMs = secondsOption(args, 'timeout', DEFAULT_SERVE_TIMEOUT_S) * 1000;
    const result = await startInstance(fleetFor(paths, io), name, {
      timeoutMs,
      interrupted,
      progress: terminalProgress(io),
    });
    return finish(io, result);
  },
};
