// When to probe an instance's /healthz. A serving instance whose held connection is open is probed
// once per period (healthz-slot.ts) rather than at every check: the socket already proves the process
// is there, and a probe per instance per check made the idle cost grow with the fleet. The held
// socket cannot see an event loop that hangs, so the probe stays, and anything new about the
// instance (another pid, other listeners, a connection change) probes it at once. A failing /healthz
// is probed at a slowing pace instead (back-off), whatever the connection says.
import { healthzSlot } from '../../core/monitor/healthz-slot.ts';
import type { Observation } from '../../core/monitor/monitor-types.ts';
import type { FleetContext } from '../fleet-context.ts';

export interface HealthzMemory {
  /** Failing probes of the current pid, and checks to skip before the next one. */
  backoff: Map<string, { pid: number; skip: number; failures: number }>;
  /** What the instance looked like at its last probe, and the period it fell in. */
  lastProbe: Map<string, { seen: string; slot: number }>;
  /** Instances whose held connection changed since their last probe. */
  due: Set<string>;
}

export function newHealthzMemory(): HealthzMemory {
  return { backoff: new Map(), lastProbe: new Map(), due: new Set() };
}

export interface HealthzTarget {
  name: string;
  port: number;
  pid: number;
  /** The pids listening on the port, as lsof saw them this check. */
  listenerPids: readonly number[];
  /** The held connection is open (authenticated). */
  held: boolean;
}

export interface HealthzTiming {
  probeTimeoutMs: number;
  heldHealthzIntervalMs: number;
}

/** Probes /healthz of `t` if it is due this check; null when skipped (the tracker keeps the last result). */
export async function probeIfDue(
  ctx: FleetContext,
  t: HealthzTarget,
  memory: HealthzMemory,
  now: number,
  timing: HealthzTiming,
): Promise<Observation['healthz']> {
  const seen = `${t.pid} ${[...t.listenerPids].sort((a, b) => a - b).join(',')} ${t.held ? 'held' : 'not held'}`;
  const slot = healthzSlot(t.name, now, timing.heldHealthzIntervalMs);
  const last = memory.lastProbe.get(t.name);
  let backoff = memory.backoff.get(t.name);
  if (backoff !== undefined && backoff.pid !== t.pid) backoff = undefined;
  const failing = backoff !== undefined && backoff.failures > 0;
  const routine = t.held && !failing && !memory.due.has(t.name) && last?.seen === seen && last.slot === slot;
  if (routine) return null;
  if (backoff !== undefined && backoff.skip > 0) {
    memory.backoff.set(t.name, { ...backoff, skip: backoff.skip - 1 });
    return null;
  }
  memory.due.delete(t.name);
  memory.lastProbe.set(t.name, { seen, slot });
  const result = await ctx.probeHealthz(t.port, timing.probeTimeoutMs);
  // A failing /healthz is probed every 1, 2, 4, then 8 checks: a stuck gateway costs little.
  const failures = result.ok ? 0 : (backoff?.failures ?? 0) + 1;
  const skip = failures === 0 ? 0 : Math.min(2 ** (failures - 1), 8) - 1;
  memory.backoff.set(t.name, { pid: t.pid, skip, failures });
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}

/** The instance does not serve this check: whenever it serves again, that is a change, probed at once. */
export function notServing(memory: HealthzMemory, name: string): void {
  memory.lastProbe.delete(name);
}

/** Drops what is remembered of instances that left the fleet. */
export function forgetGone(memory: HealthzMemory, names: ReadonlySet<string>): void {
  for (const map of [memory.backoff, memory.lastProbe])
    for (const n of map.keys()) if (!names.has(n)) map.delete(n);
  for (const n of memory.due) if (!names.has(n)) memory.due.delete(n);
}
