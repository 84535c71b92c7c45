import { useShallow } from 'zustand/react/shallow';
import { EVENT_GLYPHS, formatWhen } from '../format.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { selectEvents } from '../store/selectors.ts';
import { NotificationToggle } from './NotificationToggle.tsx';
import { StateGlyph } from './StateGlyph.tsx';
import { ViewHeader } from './ViewHeader.tsx';

/** What the monitor saw happen, newest first; new events arrive as they are pushed. */
export function EventsView() {
  const events = useFleetStore(useShallow(selectEvents));

  return (
    <>
      <ViewHeader title="Events" />
      <main className="content">
        <NotificationToggle />
        {events.length === 0 ? (
          <p className="placeholder">
            No events yet. Exits, closed ports, crash loops, failed auth and recoveries show up here.
          </p>
        ) : (
          <ol className="events" aria-label="Recent events">
            {events.map((e) => (
              <li key={`${e.at}|${e.instance}|${e.type}|${e.reason}`} className="event">
                <p className="event-head">
                  <StateGlyph glyph={EVENT_GLYPHS[e.type]} />{' '}
                  <span className="event-instance">{e.instance}</span>{' '}
                  <time dateTime={e.at}>{formatWhen(e.at)}</time>
                </p>
                <p className="event-reason">{e.reason}</p>
              </li>
            ))}
          </ol>
        )}
      </main>
    </>
  );
}
