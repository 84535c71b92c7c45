import type { LogTail as Tail } from '../store/ui-slice.ts';

/** The tail `openLogs` returned; the Electron host also opens the file in Console.app. */
export function LogTail({ tail }: { tail: Tail }) {
  return (
    <section className="log-tail" aria-label={`Log of ${tail.name}`}>
      <p className="log-path">{tail.path}</p>
      <pre className="excerpt" tabIndex={0} aria-label={`Last lines of the log of ${tail.name}`}>
        {tail.lines.length === 0 ? '(the log is empty)' : tail.lines.join('\n')}
      </pre>
    </section>
  );
}
