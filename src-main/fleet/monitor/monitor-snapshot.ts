// What the monitor shows of the fleet: per instance its health and reason, uptime, restarts in the
// last hour, last crash snapshot and recent transitions. This is what the UI and `watch` render.
import type { InstanceRecord } from '../../core/discovery.ts';
import type { LayerName, LayerState } from '../../core/instance-health.ts';
import type { CrashSnapshot, TrackedInstance, Transition } from '../../core/monitor/monitor-types.ts';
import type { RingBuffer } from '../../core/monitor/ring-buffer.ts';
import type { HealthState } from '../../shared/health-state.ts';

export interface MonitoredInstance {
  name: string;
  label: string;
  port: number | null;
  stateDir: string;
  plistPath: string;
  layers: Record<LayerName, LayerState>;
  health: HealthState;
  reason: string | null;
  /** Epoch ms since when the instance is in this state. */
  since: number;
  pid: number | null;
  /** Milliseconds the current process has been seen alive, when its start was seen. */
  uptimeMs: number | null;
  restartsLastHour: number;
  lastCrash: CrashSnapshot | null;
  history: Transition[];
}

export interface MonitorSnapshot {
  checkedAt: number | null;
  /** Why the last check could not see the fleet, if it could not. */
  problem: string | null;
  instances: MonitoredInstance[];
}

const HOUR = 3_600_000;

export function monitorSnapshot(input: {
  tracked: ReadonlyMap<string, TrackedInstance>;
  history: ReadonlyMap<string, RingBuffer<Transition>>;
  records: readonly InstanceRecord[];
  checkedAt: number | null;
  problem: string | null;
  now: number;
}): MonitorSnapshot {
  const byName = new Map(input.records.map((r) => [r.name, r]));
  const instances = [...input.tracked.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t): MonitoredInstance => {
      const transitions = input.history.get(t.name)?.toArray() ?? [];
      const record = byName.get(t.name);
      return {
        name: t.name,
        label: record?.label ?? `ai.openclaw.${t.name}`,
        port: record?.port ?? null,
        stateDir: record?.stateDir ?? '',
        plistPath: record?.plistPath ?? '',
        layers: t.layers,
        health: t.health,
        reason: t.reason,
        since: t.since,
        pid: t.pid,
        uptimeMs: t.pidSince === null ? null : input.now - t.pidSince,
        restartsLastHour: t.exits.filter((at) => input.now - at < HOUR).length,
        lastCrash: t.lastSnapshot,
        history: transitions,
      };
    });
  return { checkedAt: input.checkedAt, problem: input.problem, instances };
}
