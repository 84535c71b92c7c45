import type { CrashView } from '../../src-main/shared/fleet-contract.ts';
import { formatWhen } from '../format.ts';

/** What the monitor kept from the last time the process died. */
export function CrashSnapshot({ crash }: { crash: CrashView }) {
  return (
    <section className="crash" aria-label="Last crash">
      <p className="crash-head">
        Last crash: <strong>{crash.exit}</strong> at <time dateTime={crash.at}>{formatWhen(crash.at)}</time>
      </p>
      {crash.lastErrorLine !== null && (
        <p className="crash-error">
          <span className="sr-only">Last error: </span>
          {crash.lastErrorLine}
        </p>
      )}
      {crash.lastLines.length > 0 && (
        <pre className="excerpt" tabIndex={0} aria-label="Last log lines before the crash">
          {crash.lastLines.join('\n')}
        </pre>
      )}
    </section>
  );
}
