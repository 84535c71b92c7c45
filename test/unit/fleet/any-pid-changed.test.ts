// The monitor reads announced exits only when this says a pid changed.
import { describe, expect, it } from 'vitest';
import type { Observation, TrackedInstance } from '../../../src-main/core/monitor/monitor-types.ts';
import { anyPidChanged } from '../../../src-main/fleet/monitor/fold-observations.ts';

const obs = (name: string, pid: number | null) =>
  ({ record: { name, launchd: pid === null ? null : { pid } } }) as unknown as Observation;
const tracked = (entries: [string, number | null][]) =>
  new Map(entries.map(([name, pid]) => [name, { pid } as TrackedInstance]));

describe('anyPidChanged', () => {
  it('is false while every tracked pid is the one launchd shows, and for new or pid-less instances', () => {
    expect(anyPidChanged(tracked([['luca', 812]]), [obs('luca', 812)])).toBe(false);
    expect(anyPidChanged(tracked([]), [obs('luca', 812)])).toBe(false);
    expect(anyPidChanged(tracked([['luca', null]]), [obs('luca', 913)])).toBe(false);
  });

  it('is true when a tracked pid was replaced or is gone', () => {
    expect(
      anyPidChanged(
        tracked([
          ['luca', 812],
          ['rex', 7],
        ]),
        [obs('luca', 812), obs('rex', 8)],
      ),
    ).toBe(true);
    expect(anyPidChanged(tracked([['luca', 812]]), [obs('luca', null)])).toBe(true);
  });
});
