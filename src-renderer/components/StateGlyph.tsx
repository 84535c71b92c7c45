import type { HealthState } from '../../src-main/shared/health-state.ts';
import { HEALTH_GLYPHS, type HealthGlyph } from '../health-glyph.ts';

interface Props {
  state?: HealthState;
  /** Any glyph with the same shape-colour-label triple (events, findings, layers). */
  glyph?: HealthGlyph;
  id?: string;
  /** Prepended to the accessible name: "Worst state: Down". */
  prefix?: string;
  className?: string;
}

/** A shape that reads without colour, its colour, and its name for assistive technology. */
export function StateGlyph({ state, glyph, id, prefix = '', className = '' }: Props) {
  const g = glyph ?? HEALTH_GLYPHS[state ?? 'unknown'];
  return (
    <span
      id={id}
      role="img"
      aria-label={`${prefix}${g.label}`}
      className={`glyph tone-${g.colorRole} ${className}`}
    >
      {g.glyph}
    </span>
  );
}
