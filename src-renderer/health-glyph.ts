// How each health state reads at a glance in the popover and the tray: a shape that differs per
// state (so it reads without colour) plus a colour role and an accessible name.
import type { HealthState } from '../src-main/shared/health-state.ts';

export interface HealthGlyph {
  glyph: string;
  colorRole: 'ok' | 'progress' | 'warning' | 'error' | 'muted';
  label: string;
}

export const HEALTH_GLYPHS: Record<HealthState, HealthGlyph> = {
  healthy: { glyph: '●', colorRole: 'ok', label: 'Healthy' },
  starting: { glyph: '◐', colorRole: 'progress', label: 'Starting' },
  degraded: { glyph: '▲', colorRole: 'warning', label: 'Degraded' },
  down: { glyph: '■', colorRole: 'error', label: 'Down' },
  'crash-loop': { glyph: '↻', colorRole: 'error', label: 'Crash loop' },
  stopped: { glyph: '○', colorRole: 'muted', label: 'Stopped' },
  unknown: { glyph: '?', colorRole: 'warning', label: 'Unknown' },
};

/** Severity order for the fleet summary: the worst state is the one the header shows. */
const SEVERITY: readonly HealthState[] = [
  'healthy',
  'stopped',
  'starting',
  'unknown',
  'degraded',
  'down',
  'crash-loop',
];

export function worstState(states: readonly HealthState[]): HealthState | null {
  let worst: HealthState | null = null;
  for (const s of states) if (worst === null || SEVERITY.indexOf(s) > SEVERITY.indexOf(worst)) worst = s;
  return worst;
}
