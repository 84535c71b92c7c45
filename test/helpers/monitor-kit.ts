// Runs the real monitor on a test fleet (simulator + stub gateways) and collects what it emits.
import { readFileSync } from 'node:fs';
import type { FleetEvent, MonitorSettings } from '../../src-main/core/monitor/monitor-types.ts';
import type { Notification, NotificationSettings } from '../../src-main/core/notify/notification-policy.ts';
import type { Clock, FleetContext } from '../../src-main/fleet/fleet-context.ts';
import { createFleetMonitor, type FleetMonitor } from '../../src-main/fleet/monitor/fleet-monitor.ts';
import type { ConnectionOpener } from '../../src-main/fleet/monitor/held-connections.ts';
import type { MonitoredInstance } from '../../src-main/fleet/monitor/monitor-snapshot.ts';
import { createRealFleetContext } from '../../src-main/fleet/real-fleet-context.ts';
import type { HealthState } from '../../src-main/shared/health-state.ts';
import type { FleetEnv } from './fleet-env.ts';
import { eventually } from './fleet-fixture.ts';

export interface WatchedFleet {
  ctx: FleetContext;
  monitor: FleetMonitor;
  events: FleetEvent[];
  notifications: Notification[];
  /** Resolves with the first event matching, or rejects after the timeout listing what was seen. */
  waitForEvent(match: (e: FleetEvent) => boolean, timeoutMs?: number): Promise<FleetEvent>;
}

/** The environment launchctl needs to reach this env's simulator. */
export function simulatorEnv(env: FleetEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env.sim.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

export function contextFor(env: FleetEnv, clock?: Clock): FleetContext {
  const ctx = createRealFleetContext({
    root: env.root,
    agentsDir: env.agentsDir,
    launchctlPath: env.sim.launchctlPath,
    launchctl: { env: simulatorEnv(env) },
  });
  return clock === undefined ? ctx : { ...ctx, clock };
}

export function watchFleet(
  env: FleetEnv,
  options: {
    settings?: Partial<MonitorSettings>;
    notifications?: Partial<NotificationSettings>;
    clock?: Clock;
    /** Replaces parts of the real context (count subprocesses, gate or fake a probe). */
    wrap?: (ctx: FleetContext) => FleetContext;
    openConnection?: ConnectionOpener;
  } = {},
): WatchedFleet {
  const real = contextFor(env, options.clock);
  const ctx = options.wrap === undefined ? real : options.wrap(real);
  const events: FleetEvent[] = [];
  const notifications: Notification[] = [];
  const monitor = createFleetMonitor(ctx, {
    settings: { intervalMs: 500, graceMs: 600, probeTimeoutMs: 500, ...options.settings },
    ...(options.notifications ? { notifications: options.notifications } : {}),
    notifier: { notify: (n) => notifications.push(n) },
    filesEveryChecks: 1,
    ...(options.openConnection ? { openConnection: options.openConnection } : {}),
  });
  const waiters = new Set<() => void>();
  monitor.onEvent((e) => {
    events.push(e);
    for (const w of waiters) w();
  });
  return {
    ctx,
    monitor,
    events,
    notifications,
    waitForEvent(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(match);
          if (hit === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; saw ${JSON.stringify(events.map((e) => [e.type, e.instance, e.reason]))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** Polls the monitor until instance `name` is in `health`; returns it (or fails saying where it is). */
export async function waitForHealth(
  watched: WatchedFleet,
  name: string,
  health: HealthState,
  timeoutMs = 10_000,
): Promise<MonitoredInstance> {
  const found = await eventually(
    async () => watched.monitor.snapshot().instances.find((i) => i.name === name),
    (i) => i?.health === health,
    timeoutMs,
  );
  if (found?.health !== health)
    throw new Error(`${name} is not ${health} after ${timeoutMs} ms: ${JSON.stringify(found ?? null)}`);
  return found;
}

/**
 * When the newest (or first) line of a gateway log matching `pattern` was written (epoch ms), from
 * the local ISO time the gateway stamps on each console line: the moment a fault happened, to time
 * events by.
 */
export function logLineTime(logPath: string, pattern: RegExp, which: 'first' | 'last' = 'last'): number {
  const lines = readFileSync(logPath, 'utf8')
    .split('\n')
    .filter((l) => pattern.test(l));
  const line = which === 'first' ? lines[0] : lines.at(-1);
  const stamp = line === undefined ? undefined : /^(\S+) /.exec(line)?.[1];
  const at = stamp === undefined ? Number.NaN : Date.parse(stamp);
  if (Number.isNaN(at)) throw new Error(`no time-stamped line matching ${pattern} in ${logPath}`);
  return at;
}
