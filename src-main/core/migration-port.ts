// The port of the migrated instance. The legacy gateway's own port comes first, so its clients keep
// working; `--port` only where the legacy setup names none or its port clashes with the fleet; else
// the first free base port of the fleet grid (port-plan.ts).
import { isValidPort, portsTooClose, suggestBasePort } from './port-plan.ts';

export interface PortInput {
  /** The port the legacy plist/env/config names, if any. */
  legacyPort: number | null;
  /** Where legacyPort came from, for the plan ("the legacy plist", "openclaw.json"). */
  legacySource: string;
  flag: number | null;
  /** Ports of the fleet's instances, with the names that use them. */
  fleet: readonly { name: string; port: number }[];
  /** Listening ports, except those of the legacy job itself (it goes away first); null = unknown. */
  busy: ReadonlySet<number> | null;
}

export type PortChoice = { ok: true; port: number; source: string } | { ok: false; message: string };

export function choosePort(input: PortInput): PortChoice {
  const { legacyPort, flag } = input;
  if (legacyPort !== null) {
    const problem = portProblem(legacyPort, input);
    if (problem === null) {
      if (flag !== null && flag !== legacyPort) {
        return {
          ok: false,
          message:
            `--port ${flag} differs from port ${legacyPort} of the legacy gateway (${input.legacySource}), ` +
            `which migrate keeps so its clients keep working: run it without --port`,
        };
      }
      return { ok: true, port: legacyPort, source: input.legacySource };
    }
    if (flag === null) {
      const free = suggestBasePort(fleetPorts(input), input.busy ?? new Set());
      return {
        ok: false,
        message:
          `port ${legacyPort} of the legacy gateway (${input.legacySource}) ${problem}: ` +
          `give the instance another port${free === null ? ' with --port <port>' : `, for example --port ${free}`}`,
      };
    }
  }
  if (flag !== null) {
    const problem = isValidPort(flag) ? portProblem(flag, input) : 'is not between 1024 and 65535';
    if (problem !== null) return { ok: false, message: `--port ${flag} ${problem}` };
    return { ok: true, port: flag, source: '--port' };
  }
  const free = suggestBasePort(fleetPorts(input), input.busy ?? new Set());
  if (free === null)
    return { ok: false, message: 'no free base port is left on the fleet grid: pass --port <port>' };
  return { ok: true, port: free, source: 'the first free port of the fleet grid' };
}

function fleetPorts(input: PortInput): number[] {
  return input.fleet.map((f) => f.port);
}

function portProblem(port: number, input: PortInput): string | null {
  const close = input.fleet.filter((f) => portsTooClose(port, [f.port]).length > 0);
  if (close.length > 0) {
    return (
      `is within 120 of ${close.map((f) => `port ${f.port} of ${f.name}`).join(', ')} ` +
      '(each gateway also uses base+2 and browser ports up to about base+110)'
    );
  }
  if (input.busy?.has(port)) return 'is already listened on by another process';
  return null;
}
