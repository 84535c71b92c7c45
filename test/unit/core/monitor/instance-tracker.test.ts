import { describe, expect, it } from 'vitest';
import { trackInstance } from '../../../../src-main/core/monitor/instance-tracker.ts';
import {
  DEFAULT_MONITOR_SETTINGS,
  type FleetEvent,
  type TrackedInstance,
} from '../../../../src-main/core/monitor/monitor-types.ts';
import { observe, type ObservationChange } from './observations.ts';

const S = { ...DEFAULT_MONITOR_SETTINGS, graceMs: 2000, crashLoopExits: 3, crashLoopWindowMs: 60_000 };

/** Feeds observations at the given times (ms) and collects every event. */
function run(steps: Array<[number, ObservationChange]>): { state: TrackedInstance; events: FleetEvent[] } {
  let state: TrackedInstance | undefined;
  const events: FleetEvent[] = [];
  for (const [at, change] of steps) {
    const r = trackInstance(state, observe(at, change), S);
    state = r.next;
    events.push(...r.events);
  }
  return { state: state!, events };
}

const types = (events: FleetEvent[]) => events.map((e) => `${e.at}:${e.type}`);

describe('trackInstance', () => {
  it('stays quiet while healthy', () => {
    const { state, events } = run([
      [0, {}],
      [2000, {}],
      [4000, {}],
    ]);
    expect(state.health).toBe('healthy');
    expect(events).toEqual([]);
  });

  it('emits exited at once when launchd shows another pid, with a crash snapshot, then recovered', () => {
    const log = { lastLines: ['a', 'boom'], lastErrorLine: 'boom' };
    const { events, state } = run([
      [0, {}],
      [1000, { pid: 913, lastExit: { code: null, signal: 9 }, listening: false, healthz: null, log }],
      [3000, { pid: 913 }],
    ]);
    expect(types(events)).toEqual(['1000:exited', '3000:recovered']);
    expect(events[0]).toMatchObject({
      instance: 'luca',
      pid: 812,
      reason: 'luca (pid 812) was killed by signal 9: boom',
      snapshot: {
        at: 1000,
        pid: 812,
        lastExit: { code: null, signal: 9 },
        lastErrorLine: 'boom',
        lastLines: ['a', 'boom'],
      },
    });
    expect(events[1]?.reason).toBe('luca is healthy again after 2 s');
    expect(state.incident).toBeNull();
  });

  it('is starting, not degraded, while a new pid has not listened yet', () => {
    const { state } = run([
      [0, {}],
      [1000, { pid: 913, listening: false, healthz: null }],
    ]);
    expect(state.health).toBe('starting');
  });

  it('ignores a port blip that heals within the grace window', () => {
    const { events } = run([
      [0, {}],
      [1000, { listening: false }],
      [2000, {}],
      [6000, {}],
    ]);
    expect(events).toEqual([]);
  });

  it('emits port-closed once the port stays closed for the grace window, once per incident', () => {
    const { events } = run([
      [0, {}],
      [1000, { listening: false }],
      [2000, { listening: false }],
      [3500, { listening: false }],
      [5000, { listening: false }],
      [7000, {}],
    ]);
    expect(types(events)).toEqual(['3500:port-closed', '7000:recovered']);
    expect(events[0]?.reason).toBe('pid 812 is alive but port 18789 is not listening');
  });

  it('emits auth-failed for a rejected token after the grace window', () => {
    const bad = {
      ok: false as const,
      code: 'AUTH_TOKEN_MISMATCH',
      reason: 'token rejected by the gateway (AUTH_TOKEN_MISMATCH)',
    };
    const { events, state } = run([
      [0, { auth: { ok: true } }],
      [1000, { auth: bad }],
      [2000, {}],
      [3100, { auth: bad }],
    ]);
    expect(types(events)).toEqual(['3100:auth-failed']);
    expect(state.health).toBe('degraded');
    expect(state.reason).toContain('AUTH_TOKEN_MISMATCH');
  });

  it('calls repeated exits within the window a crash loop, once', () => {
    const exit78 = { lastExit: { code: 78, signal: null }, listening: false, healthz: null };
    const { events, state } = run([
      [0, {}],
      [1000, { pid: 901, ...exit78 }],
      [2000, { pid: 902, ...exit78 }],
      [3000, { pid: 903, ...exit78 }],
      [4000, { pid: 904, ...exit78 }],
    ]);
    expect(types(events)).toEqual([
      '1000:exited',
      '2000:exited',
      '3000:exited',
      '3000:crash-loop',
      '4000:exited',
    ]);
    expect(state.health).toBe('crash-loop');
    expect(state.reason).toBe('4 exits in the last 60 s; last: exited with code 78');
  });

  it('keeps a crash loop open while respawns answer only briefly, and recovers once one stays healthy', () => {
    const between = { pid: null, state: 'spawn scheduled', lastExit: { code: 78, signal: null } };
    const steps: Array<[number, ObservationChange]> = [
      [0, {}],
      [1000, { ...between, runs: 2 }],
      [2000, { pid: 901 }],
      [3000, { ...between, runs: 3 }],
      [4000, { pid: 902, listening: false, healthz: null }],
      [5000, { pid: 902 }],
      [6000, { pid: 902 }],
      [7000, { pid: 902 }],
    ];
    const { events } = run(steps);
    expect(types(events)).toEqual(['1000:exited', '1000:crash-loop', '3000:exited', '7000:recovered']);
    // The state does not flap either: crash-loop from the first exit until a process stayed up.
    let state: TrackedInstance | undefined;
    const healths = steps.map(
      ([at, change]) => (state = trackInstance(state, observe(at, change), S).next).health,
    );
    expect(healths).toEqual([
      'healthy',
      'crash-loop',
      'crash-loop',
      'crash-loop',
      'crash-loop',
      'crash-loop',
      'crash-loop',
      'healthy',
    ]);
    expect(state?.reason).toBeNull();
  });

  it('keeps a /healthz failure over the checks that skip the probe, for the same pid only', () => {
    const failing = { healthz: { ok: false as const, error: '/healthz answered HTTP 500' } };
    let state: TrackedInstance | undefined;
    const healths = (
      [
        [0, {}],
        [1000, failing],
        [2000, { healthz: null }],
        [3000, { healthz: null }],
        [4000, failing],
        [5000, { healthz: null }],
        [6000, { pid: 913, healthz: null }],
        [7000, { pid: 913 }],
      ] as Array<[number, ObservationChange]>
    ).map(([at, change]) => {
      state = trackInstance(state, observe(at, change), S).next;
      return `${state.health}${state.reason === null ? '' : `: ${state.reason}`}`;
    });
    expect(healths).toEqual([
      'healthy',
      'degraded: /healthz answered HTTP 500',
      'degraded: /healthz answered HTTP 500',
      'degraded: /healthz answered HTTP 500',
      'degraded: /healthz answered HTTP 500',
      'degraded: /healthz answered HTTP 500',
      // A new process starts with a clean slate.
      'healthy',
      'healthy',
    ]);
  });

  it('keeps a passed /healthz over the checks that skip the probe (held connection), for the same pid only', () => {
    let state: TrackedInstance | undefined;
    const layers = (
      [
        [0, {}],
        [2000, { healthz: null }],
        [4000, { healthz: null }],
        [6000, { pid: 913, healthz: null }],
      ] as Array<[number, ObservationChange]>
    ).map(([at, change]) => {
      state = trackInstance(state, observe(at, change), S).next;
      return `${state.health} ${state.layers.healthz}`;
    });
    // The new pid was never probed: its layer is unknown to this check, not a pass carried over.
    expect(layers).toEqual(['healthy ok', 'healthy ok', 'healthy ok', 'healthy skipped']);
  });

  it('ends an exit incident in the same check when the replacement already serves', () => {
    const { events, state } = run([
      [0, {}],
      [1000, { pid: 913, lastExit: { code: null, signal: 9 } }],
    ]);
    expect(types(events)).toEqual(['1000:exited', '1000:recovered']);
    expect(events[1]).toMatchObject({ pid: 913, reason: 'luca is healthy again, as pid 913' });
    expect(state.incident).toBeNull();
  });

  it('names a foreign holder of the port in the crash-loop reason', () => {
    const blocked = (pid: number): ObservationChange => ({
      pid,
      lastExit: { code: 1, signal: null },
      listening: true,
      listenerPid: 4242,
      healthz: null,
    });
    const { events, state } = run([
      [0, {}],
      [1000, blocked(901)],
      [2000, blocked(902)],
      [3000, blocked(903)],
    ]);
    expect(types(events).filter((t) => t.endsWith('crash-loop'))).toEqual(['3000:crash-loop']);
    expect(state.reason).toBe(
      '3 exits in the last 60 s; last: exited with code 1; port 18789 is held by pid 4242 (openclaw-gatewa)',
    );
  });

  it("takes launchd's spawn scheduled as a crash loop", () => {
    const { events, state } = run([
      [0, {}],
      [1000, { pid: null, state: 'spawn scheduled', runs: 4, lastExit: { code: 1, signal: null } }],
    ]);
    expect(state.health).toBe('crash-loop');
    expect(types(events)).toEqual(['1000:exited', '1000:crash-loop']);
  });

  it('reports a parked gateway (disabled and booted out by itself) as a crash-loop event, not as a stop', () => {
    const { events, state } = run([
      [0, {}],
      [1000, { loaded: false, disabled: true }],
    ]);
    expect(types(events)).toEqual(['1000:crash-loop']);
    expect(state.health).toBe('down');
    expect(state.reason).toMatch(/^parked:/);
  });

  it('reports parking even when a check saw the exit first', () => {
    const { events, state } = run([
      [0, {}],
      [1000, { pid: null, state: 'not running', runs: 3, lastExit: { code: 0, signal: null } }],
      [2000, { loaded: false, disabled: true }],
    ]);
    expect(types(events)).toEqual(['1000:exited', '2000:crash-loop']);
    expect(events[1]?.reason).toMatch(/^parked: /);
    expect(state.health).toBe('down');
  });

  it('says nothing of an instance that was parked before the monitor started', () => {
    const { events } = run([
      [0, { loaded: false, disabled: true }],
      [1000, { loaded: false, disabled: true }],
    ]);
    expect(events).toEqual([]);
  });

  it('treats an unload without a disabled override as a stop: no event', () => {
    const { events, state } = run([
      [0, {}],
      [1000, { loaded: false }],
    ]);
    expect(events).toEqual([]);
    expect(state.health).toBe('stopped');
  });

  it('records transitions of the health state only', () => {
    let state: TrackedInstance | undefined;
    const transitions = [];
    for (const [at, change] of [
      [0, {}],
      [1000, {}],
      [2000, { pid: 913, listening: false, healthz: null }],
    ] as const) {
      const r = trackInstance(state, observe(at, change), S);
      state = r.next;
      if (r.transition) transitions.push([r.transition.from, r.transition.to]);
    }
    expect(transitions).toEqual([
      [null, 'healthy'],
      ['healthy', 'starting'],
    ]);
  });
});

describe('exits the product caused itself', () => {
  it('a restart we asked for is neither an exited event nor a step toward a crash loop', () => {
    let state: TrackedInstance | undefined;
    const events: FleetEvent[] = [];
    // Four restarts in a row within the window, each replacing the pid, each followed by a serving process.
    for (const [at, change, expected] of [
      [0, {}, false],
      [1000, { pid: 901, lastExit: { code: null, signal: 9 } }, true],
      [2000, { pid: 902, lastExit: { code: null, signal: 9 } }, true],
      [3000, { pid: 903, lastExit: { code: null, signal: 9 } }, true],
      [4000, { pid: 904, lastExit: { code: null, signal: 9 } }, true],
    ] as const) {
      const r = trackInstance(state, { ...observe(at, change), exitExpected: expected }, S);
      state = r.next;
      events.push(...r.events);
    }
    expect(events).toEqual([]);
    expect(state?.exits).toEqual([]);
    expect(state?.health).toBe('healthy');
  });

  it('still counts the same exits when nobody asked for them', () => {
    let state: TrackedInstance | undefined;
    for (const [at, pid] of [
      [0, 812],
      [1000, 901],
      [2000, 902],
      [3000, 903],
    ] as const) {
      state = trackInstance(state, observe(at, { pid, lastExit: { code: null, signal: 9 } }), S).next;
    }
    expect(state?.exits).toHaveLength(3);
  });
});
