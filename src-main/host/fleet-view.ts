// Turns the monitor's snapshot into the FleetView the renderer shows. Pure; nothing secret in it:
// the view is built from fields that never hold a token.
import { instanceLogPath } from '../core/plist-contract.ts';
import type { FleetEvent } from '../core/monitor/monitor-types.ts';
import type { MonitoredInstance, MonitorSnapshot } from '../fleet/monitor/monitor-snapshot.ts';
import type { CrashView, EventView, FleetView, InstanceView } from '../shared/fleet-contract.ts';

export type BusyMap = ReadonlyMap<string, NonNullable<InstanceView['busy']>>;

export function fleetView(
  snapshot: MonitorSnapshot,
  events: readonly FleetEvent[],
  busy: BusyMap,
): FleetView {
  return {
    checkedAt: snapshot.checkedAt === null ? null : new Date(snapshot.checkedAt).toISOString(),
    problem: snapshot.problem,
    instances: snapshot.instances.map((i) => instanceView(i, busy.get(i.name) ?? null)),
    recentEvents: [...events].reverse().map(eventView),
  };
}

function instanceView(i: MonitoredInstance, busy: InstanceView['busy']): InstanceView {
  return {
    name: i.name,
    label: i.label,
    port: i.port,
    pid: i.pid,
    health: i.health,
    reason: i.reason,
    since: new Date(i.since).toISOString(),
    uptimeMs: i.uptimeMs,
    restartsLastHour: i.restartsLastHour,
    layers: i.layers,
    lastCrash: i.lastCrash === null ? null : crashView(i.lastCrash),
    paths: { stateDir: i.stateDir, plistPath: i.plistPath, logPath: instanceLogPath(i.stateDir) },
    busy,
  };
}

function crashView(c: NonNullable<MonitoredInstance['lastCrash']>): CrashView {
  const exit =
    c.lastExit?.signal != null
      ? `killed by signal ${c.lastExit.signal}`
      : c.lastExit?.code != null
        ? `exit ${c.lastExit.code}`
        : 'exited';
  return { at: new Date(c.at).toISOString(), exit, lastErrorLine: c.lastErrorLine, lastLines: c.lastLines };
}

export function eventView(e: FleetEvent): EventView {
  return { type: e.type, instance: e.instance, at: new Date(e.at).toISOString(), reason: e.reason };
}
