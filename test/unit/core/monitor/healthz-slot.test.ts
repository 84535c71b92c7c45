import { describe, expect, it } from 'vitest';
import { healthzSlot } from '../../../../src-main/core/monitor/healthz-slot.ts';

describe('healthzSlot', () => {
  it('moves on once per period for one instance', () => {
    const slots = Array.from({ length: 121 }, (_, i) =>
      healthzSlot('luca', 1_700_000_000_123 + i * 1000, 12_000),
    );
    const changes = slots.filter((s, i) => i > 0 && s !== slots[i - 1]).length;
    // 120 s hold exactly ten period boundaries, wherever this instance's periods begin.
    expect(changes).toBe(10);
    expect(new Set(slots).size).toBe(changes + 1);
  });

  it('spreads the instances of a fleet over the period instead of one tick', () => {
    const names = Array.from({ length: 10 }, (_, i) => `gw${i}`);
    const start = 1_700_000_000_000;
    // The second (of a 12 s period, checked every 2 s) at which each instance's slot first changes.
    const firstChange = names.map((name) => {
      const at0 = healthzSlot(name, start, 12_000);
      for (let t = 1; t <= 12; t++) if (healthzSlot(name, start + t * 1000, 12_000) !== at0) return t;
      return null;
    });
    expect(firstChange.every((t) => t !== null)).toBe(true);
    const ticks = new Set(firstChange.map((t) => Math.ceil(t! / 2)));
    expect(ticks.size).toBeGreaterThanOrEqual(3);
  });
});
