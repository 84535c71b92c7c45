// What `add` decides before it creates anything: the name is free (no plist, state dir or loaded
// label), and the port keeps the fleet's spacing and nobody listens on it. Pure: the fleet's files,
// launchd's view and the listeners are read elsewhere, in one pass.
import type { Discovery, InstanceRecord } from './discovery.ts';
import { labelFor } from './instance-name.ts';
import type { Listener } from './listeners.ts';
import { FIRST_BASE_PORT, isValidPort, PORT_SPACING, portsTooClose, suggestBasePort } from './port-plan.ts';

export interface NewInstanceInput {
  name: string;
  /** The port the user asked for; null picks the next free base port on the grid. */
  requestedPort: number | null;
  discovery: Discovery;
  listeners: readonly Listener[];
}

export type NewInstancePlan =
  { ok: true; port: number } | { ok: false; problem: 'exists' | 'port' | 'grid-full'; message: string };

export function planNewInstance(input: NewInstanceInput): NewInstancePlan {
  const { name, discovery } = input;
  const existing = discovery.instances.find((i) => i.name === name);
  if (existing !== undefined) return { ok: false, problem: 'exists', message: existsMessage(existing) };

  const fleet = discovery.instances.filter((i) => i.port !== null) as (InstanceRecord & { port: number })[];
  const fleetPorts = fleet.map((i) => i.port);
  const listening = new Set(input.listeners.map((l) => l.port));
  const free = suggestBasePort(fleetPorts, listening);
  const alternative = free === null ? 'leave --port out' : `use --port ${free} or leave --port out`;

  if (input.requestedPort === null) {
    if (free !== null) return { ok: true, port: free };
    return {
      ok: false,
      problem: 'grid-full',
      message: `no free base port is left on the grid ${FIRST_BASE_PORT} + k*${PORT_SPACING}; give one with --port`,
    };
  }
  const port = input.requestedPort;
  if (!isValidPort(port)) {
    return { ok: false, problem: 'port', message: `port ${port} is not from 1024 to 65535; ${alternative}` };
  }
  const close = portsTooClose(port, fleetPorts).map((p) => fleet.find((i) => i.port === p)!);
  if (close.length > 0) {
    const clash = close[0]!;
    const what =
      clash.port === port
        ? `port ${port} is already used by instance ${clash.name}`
        : `port ${port} is too close to instance ${clash.name} on port ${clash.port}: base ports must be at least ${PORT_SPACING} apart, because a gateway also uses base+2 and browser ports up to about base+110`;
    return { ok: false, problem: 'port', message: `${what}; ${alternative}` };
  }
  for (const p of [port, port + 2]) {
    const holder = input.listeners.find((l) => l.port === p);
    if (holder === undefined) continue;
    const which = p === port ? `port ${port}` : `port ${p} (browser control, base+2)`;
    return {
      ok: false,
      problem: 'port',
      message: `${which} is already listened on by ${describeHolder(holder, discovery)}; ${alternative}`,
    };
  }
  return { ok: true, port };
}

function existsMessage(record: InstanceRecord): string {
  const parts: string[] = [];
  if (record.plist !== null || record.plistProblem !== null) parts.push(`plist ${record.plistPath}`);
  if (record.stateDirMode !== null) parts.push(`state dir ${record.stateDir}`);
  if (record.launchd !== null) parts.push(`${labelFor(record.name)} loaded in launchd`);
  const onlyState = record.stateDirMode !== null && parts.length === 1;
  const fix = onlyState
    ? `move it aside with openclaw-fleet remove ${record.name} --purge-state, or pick another name`
    : `remove it first with openclaw-fleet remove ${record.name} --purge-state, or pick another name`;
  return `instance ${record.name} already exists (${parts.join(', ')}); ${fix}`;
}

function describeHolder(holder: Listener, discovery: Discovery): string {
  const owner = discovery.instances.find((i) => i.launchd?.pid === holder.pid);
  if (owner !== undefined) return `the gateway of instance ${owner.name} (pid ${holder.pid})`;
  return `pid ${holder.pid} (${holder.command || 'unknown command'})`;
}
