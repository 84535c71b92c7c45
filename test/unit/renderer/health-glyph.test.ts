import { describe, expect, it } from 'vitest';
import { HEALTH_STATES } from '../../../src-main/shared/health-state.ts';
import { HEALTH_GLYPHS, worstState } from '../../../src-renderer/health-glyph.ts';

describe('health glyphs', () => {
  it('give every state its own shape, so the state reads without colour', () => {
    const glyphs = HEALTH_STATES.map((s) => HEALTH_GLYPHS[s].glyph);
    expect(new Set(glyphs).size).toBe(HEALTH_STATES.length);
    for (const s of HEALTH_STATES) expect(HEALTH_GLYPHS[s].label.length).toBeGreaterThan(0);
  });

  it('pick the worst state for the fleet summary', () => {
    expect(worstState([])).toBeNull();
    expect(worstState(['healthy', 'stopped'])).toBe('stopped');
    expect(worstState(['healthy', 'crash-loop', 'down', 'degraded'])).toBe('crash-loop');
    expect(worstState(['starting', 'healthy'])).toBe('starting');
  });
});
