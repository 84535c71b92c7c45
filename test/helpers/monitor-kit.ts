// Runs the real monitor on a test fleet (simulator + stub gateways) and collects what it emits.
import type { FleetEvent, MonitorSettings } from '../../src-main/core/monitor/monitor-types.ts';
import type { Notification, NotificationSettings } from '../../src-main/core/notify/notification-policy.ts';
import type { Clock, FleetContext } from '../../src-main/fleet/fleet-context.ts';
import { createFleetMonitor, type FleetMonitor } from '../../src-main/fleet/monitor/fleet-monitor.ts';
import { createRealFleetContext } from '../../src-main/fleet/real-fleet-context.ts';
import type { FleetEnv } from './fleet-env.ts';

export interface WatchedFleet {
  ctx: FleetContext;
  monitor: FleetMonitor;
  events: FleetEvent[];
  notifications: Notification[];
  /** Resolves with the first event matching, or rejects after the timeout listing what was seen. */
  waitForEvent(match: (e: FleetEvent) => boolean, timeoutMs?: number): Promise<FleetEvent>;
}

export function contextFor(env: FleetEnv, clock?: Clock): FleetContext {
  const simEnv = Object.fromEntries(
    Object.entries(env.sim.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const ctx = createRealFleetContext({
    root: env.root,
    agentsDir: env.agentsDir,
    launchctlPath: env.sim.launchctlPath,
    launchctl: { env: simEnv },
  });
  return clock === undefined ? ctx : { ...ctx, clock };
}

export function watchFleet(
  env: FleetEnv,
  options: {
    settings?: Partial<MonitorSettings>;
    notifications?: Partial<NotificationSettings>;
    clock?: Clock;
  } = {},
): WatchedFleet {
  const ctx = contextFor(env, options.clock);
  const events: FleetEvent[] = [];
  const notifications: Notification[] = [];
  const monitor = createFleetMonitor(ctx, {
    settings: { intervalMs: 500, graceMs: 600, probeTimeoutMs: 500, ...options.settings },
    ...(options.notifications ? { notifications: options.notifications } : {}),
    notifier: { notify: (n) => notifications.push(n) },
    filesEveryChecks: 1,
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
