import { useShallow } from 'zustand/react/shallow';
import { HEALTH_STATES } from '../../src-main/shared/health-state.ts';
import { formatWhen } from '../format.ts';
import { HEALTH_GLYPHS, worstState } from '../health-glyph.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { selectHealthStates, selectStateCounts } from '../store/selectors.ts';
import { StateGlyph } from './StateGlyph.tsx';

// Worst first, so the summary leads with what needs attention.
const ORDER = [...HEALTH_STATES].reverse();

/** Fleet summary: worst state, counts by state, when the monitor last looked, its problem if any. */
export function FleetHeader() {
  const counts = useFleetStore(useShallow(selectStateCounts));
  const worst = worstState(useFleetStore(useShallow(selectHealthStates)));
  const checkedAt = useFleetStore((s) => s.snapshot?.checkedAt ?? null);
  const problem = useFleetStore((s) => s.snapshot?.problem ?? null);
  const parts = ORDER.filter((state) => (counts[state] ?? 0) > 0);

  return (
    <header className="fleet-header">
      <div className="fleet-title">
        {worst !== null && <StateGlyph state={worst} prefix="Worst state: " className="glyph-large" />}
        <h1>Fleet</h1>
        <p className="fleet-counts">
          {parts.map((state) => (
            <span key={state} className="fleet-count">
              <span aria-hidden="true" className={`tone-${HEALTH_GLYPHS[state].colorRole}`}>
                {HEALTH_GLYPHS[state].glyph}
              </span>{' '}
              {counts[state]} {HEALTH_GLYPHS[state].label.toLowerCase()}
            </span>
          ))}
        </p>
      </div>
      <p className="fleet-checked">
        {checkedAt === null ? (
          'Not checked yet'
        ) : (
          <>
            Checked <time dateTime={checkedAt}>{formatWhen(checkedAt)}</time>
          </>
        )}
      </p>
      {problem !== null && (
        <p className="fleet-problem" role="alert">
          <StateGlyph state="unknown" prefix="Monitor problem: " /> {problem}
        </p>
      )}
    </header>
  );
}
