import { describe, expect, it } from 'vitest';
import type { FleetEvent } from '../../../src-main/core/monitor/monitor-types.ts';
import { RingBuffer } from '../../../src-main/core/monitor/ring-buffer.ts';
import {
  decideNotifications,
  DEFAULT_NOTIFICATION_SETTINGS as DEFAULTS,
  INITIAL_POLICY_STATE,
  type Notification,
  type PolicyState,
} from '../../../src-main/core/notify/notification-policy.ts';

const ev = (type: FleetEvent['type'], instance: string, at: number): FleetEvent => ({
  type,
  instance,
  at,
  reason: `${type} reason`,
});

/** Feeds checks at their times (a fake clock) and returns every notification as "kind id title". */
function feed(checks: Array<[number, FleetEvent[]]>, settings = DEFAULTS): string[] {
  let state: PolicyState = INITIAL_POLICY_STATE;
  const out: Notification[] = [];
  for (const [now, events] of checks) {
    const r = decideNotifications(state, events, now, settings);
    state = r.state;
    out.push(...r.notifications);
  }
  return out.map((n) => `${n.kind} ${n.id} ${n.title}`);
}

describe('decideNotifications', () => {
  it('raises one notification per incident and updates it, without repeats', () => {
    expect(
      feed([
        [1000, [ev('exited', 'luca', 1000)]],
        [3000, [ev('exited', 'luca', 3000)]],
        [5000, [ev('exited', 'luca', 5000), ev('crash-loop', 'luca', 5000)]],
        [9000, [ev('recovered', 'luca', 9000)]],
      ]),
    ).toEqual([
      'new luca@1000 luca exited',
      'update luca@1000 luca is crash-looping',
      'update luca@1000 luca recovered',
    ]);
  });

  it('updates the old notification for a new incident within the cooldown, and raises a new one after it', () => {
    expect(
      feed(
        [
          [1000, [ev('exited', 'luca', 1000)]],
          [2000, [ev('recovered', 'luca', 2000)]],
          [60_000, [ev('port-closed', 'luca', 60_000)]],
          [62_000, [ev('recovered', 'luca', 62_000)]],
          [62_000 + DEFAULTS.cooldownMs + 1, [ev('exited', 'luca', 0)]],
          // Checks in between carry no events; only the gaps' length matters here, not sleep detection.
        ],
        { ...DEFAULTS, sleepGapMs: Number.POSITIVE_INFINITY },
      ),
    ).toEqual([
      'new luca@1000 luca exited',
      'update luca@1000 luca recovered',
      'update luca@1000 luca stopped listening',
      'update luca@1000 luca recovered',
      `new luca@${62_000 + DEFAULTS.cooldownMs + 1} luca exited`,
    ]);
  });

  it('sends one digest when many instances fail in one check, then only updates', () => {
    const at = 1000;
    const out = feed([
      [at, [ev('exited', 'a', at), ev('exited', 'b', at), ev('exited', 'c', at)]],
      [at + 2000, [ev('crash-loop', 'a', at + 2000)]],
    ]);
    expect(out).toEqual([
      'digest digest@1000 3 instances need attention',
      'update a@1000 a is crash-looping',
    ]);
  });

  it('sends one digest after a sleep/resume gap', () => {
    const out = feed([
      [1000, []],
      [1000 + DEFAULTS.sleepGapMs + 1, [ev('exited', 'luca', 0), ev('recovered', 'luca', 0)]],
    ]);
    expect(out).toEqual([
      `digest digest@${1000 + DEFAULTS.sleepGapMs + 1} While the Mac slept: 1 instance(s) changed`,
    ]);
  });

  it('honours per-type settings', () => {
    const settings = { ...DEFAULTS, enabled: { ...DEFAULTS.enabled, exited: false } };
    expect(
      feed(
        [
          [1000, [ev('exited', 'luca', 1000)]],
          [2000, [ev('crash-loop', 'luca', 2000)]],
        ],
        settings,
      ),
    ).toEqual(['new luca@2000 luca is crash-looping']);
  });

  it('does not announce a recovery nobody was told about', () => {
    expect(feed([[1000, [ev('recovered', 'luca', 1000)]]])).toEqual([]);
  });
});

describe('RingBuffer', () => {
  it('keeps the newest items, oldest first', () => {
    const ring = new RingBuffer<number>(3);
    for (const n of [1, 2, 3, 4, 5]) ring.push(n);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
