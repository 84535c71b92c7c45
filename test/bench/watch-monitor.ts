// Runs the real monitor (createFleetMonitor, DEFAULT_MONITOR_SETTINGS) on a lane and records, with
// receive times, what a trial needs: every event, every check (start = its domain read, end = its
// onCheck), and every state change of the held gateway connections (through the monitor's own
// `openConnection` option, wrapping the default opener).
import type { FleetEvent } from '../../src-main/core/monitor/monitor-types.ts';
import { createFleetMonitor, type FleetMonitor } from '../../src-main/fleet/monitor/fleet-monitor.ts';
import type { MonitoredInstance, MonitorSnapshot } from '../../src-main/fleet/monitor/monitor-snapshot.ts';
import { holdGatewayConnection } from '../../src-main/platform/gateway-connection.ts';
import type { InstalledInstance } from '../helpers/fleet-fixture.ts';
import { waitForReadyz } from '../helpers/stub-gateway.ts';
import type { Lane } from './bench-fleet.ts';
import type { CountedFleet } from './counted-fleet.ts';
import { sleep } from './stats.ts';

export interface SeenEvent {
  event: FleetEvent;
  at: number;
  /** Start of the check that emitted it. */
  checkStart: number | null;
}

export interface Watch {
  monitor: FleetMonitor;
  events: SeenEvent[];
  checks: { start: number; end: number | null }[];
  conns: { port: number; kind: string; at: number }[];
  connState(port: number): string | undefined;
  lastConnChange(): number;
  /** Last time a held connection closed or was rejected: the monitor checks every 200 ms for 2 s after it. */
  lastDrop(): number;
  instance(name: string): MonitoredInstance | undefined;
  /** Every instance healthy and its held connection open. */
  steady(): boolean;
  /** Resolves once `cond` holds, re-evaluated after every check, event and connection change. */
  until(cond: () => boolean, timeoutMs: number, what: string): Promise<void>;
  nextEvent(match: (e: FleetEvent) => boolean, after: number, timeoutMs: number): Promise<SeenEvent>;
  nextCheckEnd(): Promise<void>;
  stop(): Promise<void>;
}

export function watchLane(lane: CountedFleet): Watch {
  const events: SeenEvent[] = [];
  const checks: Watch['checks'] = [];
  const conns: Watch['conns'] = [];
  const latestConn = new Map<number, string>();
  const wakers = new Set<() => void>();
  const wake = () => {
    for (const w of [...wakers]) w();
  };
  let current: { start: number; end: number | null } | null = null;
  let snapshot: MonitorSnapshot | null = null;
  let lastConn = Date.now();
  let lastDrop = 0;

  const ctx = lane.ctxWith(() => {
    current = { start: Date.now(), end: null };
    checks.push(current);
  });
  const monitor = createFleetMonitor(ctx, {
    openConnection: (port, token, onChange) =>
      holdGatewayConnection(port, token, {
        onChange: (state) => {
          lastConn = Date.now();
          if (state.kind === 'closed' || state.kind === 'rejected') lastDrop = lastConn;
          latestConn.set(port, state.kind);
          conns.push({ port, kind: state.kind, at: lastConn });
          onChange(state);
          wake();
        },
      }),
  });
  monitor.onEvent((event) => {
    events.push({ event, at: Date.now(), checkStart: current?.start ?? null });
    wake();
  });
  monitor.onCheck((snap) => {
    snapshot = snap;
    if (current !== null) current.end = Date.now();
    current = null;
    wake();
  });
  monitor.start();

  const until: Watch['until'] = (cond, timeoutMs, what) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (!cond()) return;
        clearTimeout(timer);
        wakers.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        wakers.delete(check);
        reject(new Error(`bench: ${what} did not happen within ${timeoutMs} ms`));
      }, timeoutMs);
      wakers.add(check);
      check();
    });

  const watch: Watch = {
    monitor,
    events,
    checks,
    conns,
    connState: (port) => latestConn.get(port),
    lastConnChange: () => lastConn,
    lastDrop: () => lastDrop,
    instance: (name) => snapshot?.instances.find((i) => i.name === name),
    steady: () =>
      snapshot !== null &&
      lane.instances.every(
        (i) => watch.instance(i.name)?.health === 'healthy' && latestConn.get(i.port) === 'open',
      ),
    until,
    async nextEvent(match, after, timeoutMs) {
      const find = () => events.find((e) => e.at >= after && match(e.event));
      await until(() => find() !== undefined, timeoutMs, 'the expected event');
      return find()!;
    },
    nextCheckEnd() {
      const seen = checks.filter((c) => c.end !== null).length;
      return until(() => checks.filter((c) => c.end !== null).length > seen, 30_000, 'a check');
    },
    stop: () => monitor.stop(),
  };
  return watch;
}

/** The monitor is in its regular rhythm: steady, and the 2 s of urgent checks after a drop are over. */
export async function waitQuiet(watch: Watch, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await watch.until(watch.steady, Math.max(1, deadline - Date.now()), 'a steady fleet');
    const quietIn = watch.lastDrop() + 2100 - Date.now();
    if (quietIn <= 0 && watch.steady()) return;
    if (Date.now() > deadline) throw new Error('bench: the monitor never became quiet');
    await sleep(Math.max(quietIn, 20));
  }
}

/**
 * A new monitor on the lane, once `disturbed` instances are past their startup window (a held connection
 * dialled earlier is refused with UNAVAILABLE and re-dialled later), returned when steady: every
 * instance healthy with its connection open, at least two checks done, no urgent checks pending.
 * Throws if that takes longer than `timeoutMs`.
 */
export async function freshWatch(
  lane: Lane,
  disturbed: readonly InstalledInstance[] = [],
  timeoutMs = 60_000,
): Promise<Watch> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  await Promise.all(disturbed.map((i) => waitForReadyz(i.port, left())));
  const watch = watchLane(lane);
  try {
    await watch.until(
      () => watch.steady() && watch.monitor.stats().checks >= 2,
      left(),
      'a steady new monitor',
    );
    await waitQuiet(watch, left());
    return watch;
  } catch (error) {
    await watch.stop();
    throw error;
  }
}
