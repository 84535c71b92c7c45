import { useState } from 'react';
import { useFleetStore } from '../store/fleet-store.ts';
import { AddInstanceForm } from './AddInstanceForm.tsx';
import { StateGlyph } from './StateGlyph.tsx';
import { ViewHeader } from './ViewHeader.tsx';

/** The form, then what became of the new instance. */
export function AddInstanceView() {
  const add = useFleetStore((s) => s.add);
  const open = useFleetStore((s) => s.viewOpened);
  const back = useFleetStore((s) => s.back);
  const [attempt, setAttempt] = useState(0);
  const added = add.phase === 'done' && add.outcome.ok;

  return (
    <>
      <ViewHeader title="Add instance" />
      <main className="content">
        {!added && <AddInstanceForm key={attempt} />}
        {add.phase === 'done' && add.outcome.ok && (
          <div className="outcome outcome-ok" role="status">
            <p>
              <StateGlyph glyph={{ glyph: '✓', colorRole: 'ok', label: 'Added:' }} /> {add.outcome.message}
            </p>
            <div className="button-row">
              <button type="button" className="primary" autoFocus onClick={back}>
                Show the fleet
              </button>
              <button
                type="button"
                onClick={() => {
                  setAttempt((n) => n + 1);
                  open('add');
                }}
              >
                Add another
              </button>
            </div>
          </div>
        )}
        {add.phase === 'done' && !add.outcome.ok && (
          <div className="outcome outcome-failed" role="alert">
            <p>
              <strong>{add.name} was not added.</strong>
            </p>
            <p className="outcome-message">{add.outcome.message}</p>
          </div>
        )}
      </main>
    </>
  );
}
