// `openclaw-fleet logs <name> [-n N] [-f]`: the gateway's launchd log, its token redacted.
import { findInstance, unknownInstance } from '../../fleet/control-instance.ts';
import { gatherFleet } from '../../fleet/gather-fleet.ts';
import { showInstanceLogs } from '../../fleet/instance-logs.ts';
import { followLog, readLastLines } from '../../platform/log-follow.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { finish, instanceName } from '../instance-command.ts';
import { flag, integerOption } from '../option-values.ts';

const DEFAULT_LINES = 50;

export const logsCommand: Command = {
  name: 'logs',
  summary: "show an instance's log (stdout and stderr as launchd writes them); -f follows it",
  usage: 'logs <name> [-n N] [-f]',
  details: [
    `  -n, --lines N   how many of the last lines to show (default ${DEFAULT_LINES})`,
    '  -f, --follow    keep printing lines as they are appended, until Ctrl-C',
  ].join('\n'),
  options: { lines: { type: 'string', short: 'n' }, follow: { type: 'boolean', short: 'f' } },
  positionals: 'any',
  async run({ io, args, paths, interrupted }) {
    const name = instanceName(args, 'logs');
    const lines =
      integerOption(args, 'lines', { min: 0, max: 100_000, example: DEFAULT_LINES }) ?? DEFAULT_LINES;
    const snapshot = await gatherFleet(fleetFor(paths, io), { details: false });
    const record = findInstance(snapshot, name);
    if (record === null) return finish(io, unknownInstance(snapshot, name));
    const result = await showInstanceLogs(
      record,
      { readLastLines, followLog },
      { lines, follow: flag(args, 'follow'), interrupted },
      { line: (text) => io.out(`${text}\n`), notice: (text) => io.err(`logs: ${text}\n`) },
    );
    return finish(io, result);
  },
};
