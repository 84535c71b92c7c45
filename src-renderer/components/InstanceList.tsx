import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFleetStore } from '../store/fleet-store.ts';
import { selectInstanceNames } from '../store/selectors.ts';
import { focusRow } from '../use-keyboard.ts';
import { InstanceRow } from './InstanceRow.tsx';

/** One row per instance; arrow keys move between rows (use-keyboard.ts). */
export function InstanceList() {
  const names = useFleetStore(useShallow(selectInstanceNames));
  const focusRequest = useFleetStore((s) => s.focusRequest);

  // Coming back from another view puts focus on the row the user left; a host hint on its row.
  useEffect(() => {
    const selected = useFleetStore.getState().selected;
    if (selected !== null) focusRow(selected);
  }, [focusRequest]);

  return (
    <ul className="instances" aria-label="Instances">
      {names.map((name) => (
        <InstanceRow key={name} name={name} />
      ))}
    </ul>
  );
}
