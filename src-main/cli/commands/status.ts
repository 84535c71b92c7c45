// `openclaw-fleet status [name...] [--json]`: one line per instance, its state and why.
import type { InstanceStatus } from '../../fleet/fleet-status.ts';
import { fleetStatus } from '../../fleet/fleet-status.ts';
import type { HealthState } from '../../shared/health-state.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../cli-error.ts';
import { paint, type CliIo, type Style } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { flag } from '../option-values.ts';
import { textTable, visibleLength } from '../text-table.ts';

const FINE: readonly HealthState[] = ['healthy', 'starting', 'stopped'];

export const statusCommand: Command = {
  name: 'status',
  summary: 'show each instance: health, port, pid and the reason when it is not healthy',
  usage: 'status [name...] [--json]',
  details: [
    '  --json   print {"instances":[{name,label,port,stateDir,plistPath,health,reason,lastError,launchd,...}]}',
    'Exits 1 when an instance is degraded, down, crash-looping or unknown.',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  positionals: 'any',
  async run({ io, args, paths }) {
    const { snapshot, instances } = await fleetStatus(fleetFor(paths, io), args.positionals);
    const known = snapshot.discovery.instances.map((i) => i.name);
    const unknown = args.positionals.filter((n) => !known.includes(n));
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown instance ${unknown.map((n) => `'${n}'`).join(', ')}; known: ${known.join(', ') || 'none (run openclaw-fleet add <name>)'}`,
      );
    }
    if (snapshot.domainProblem !== null)
      io.err(`warning: launchd's view is missing: ${snapshot.domainProblem}\n`);
    if (flag(args, 'json')) io.out(`${JSON.stringify({ instances })}\n`);
    else io.out(renderStatus(io, instances));
    return instances.every((i) => FINE.includes(i.health)) ? EXIT_OK : EXIT_FAILED;
  },
};

const STYLE: Record<HealthState, Style> = {
  healthy: 'green',
  starting: 'yellow',
  degraded: 'yellow',
  down: 'red',
  'crash-loop': 'red',
  stopped: 'dim',
  unknown: 'yellow',
};

export function renderStatus(io: Pick<CliIo, 'color'>, instances: readonly InstanceStatus[]): string {
  if (instances.length === 0) return 'no instances: add one with openclaw-fleet add <name>\n';
  const rows = instances.map((i) => [
    i.name,
    paint(io, STYLE[i.health], i.health),
    i.port.number === null ? '-' : String(i.port.number),
    i.launchd.pid === null ? '-' : String(i.launchd.pid),
    i.reason ?? '',
  ]);
  return textTable(['NAME', 'HEALTH', 'PORT', 'PID', 'REASON'], rows, visibleLength);
}
