// `openclaw-fleet stop <name>`: boot an instance out of launchd and verify it is gone.
import { stopInstance } from '../../fleet/stop-instance.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { finish, instanceName, terminalProgress } from '../instance-command.ts';

export const stopCommand: Command = {
  name: 'stop',
  summary: 'unload an instance from launchd (KeepAlive cannot revive it) and verify it is gone',
  usage: 'stop <name>',
  details: 'Waits until launchd has forgotten the job, its process has exited and its port is free.',
  options: {},
  positionals: 'any',
  async run({ io, args, paths }) {
    const name = instanceName(args, 'stop');
    return finish(io, await stopInstance(fleetFor(paths, io), name, { progress: terminalProgress(io) }));
  },
};
