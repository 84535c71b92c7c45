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
