import type { FindingView } from '../../src-main/shared/fleet-contract.ts';
import { StateGlyph } from './StateGlyph.tsx';

const SEVERITY = {
  error: { glyph: '✕', colorRole: 'error', label: 'Error' },
  warning: { glyph: '▲', colorRole: 'warning', label: 'Warning' },
} as const;

/** One instance's findings (or the fleet-wide ones): code, what is wrong, how to fix it. */
export function FindingGroup({ instance, findings }: { instance: string | null; findings: FindingView[] }) {
  const title = instance ?? 'Fleet-wide';
  const id = `findings-${instance ?? 'fleet'}`;
  return (
    <section className="finding-group" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="findings">
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`} className="finding">
            <p className="finding-head">
              <StateGlyph glyph={SEVERITY[f.severity]} /> <code>{f.code}</code>
            </p>
            <p>{f.message}</p>
            <p className="finding-fix">
              <span className="fix-label">Fix: </span>
              {f.fix}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
