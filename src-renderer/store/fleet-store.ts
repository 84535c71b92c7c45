// The one store: the host's snapshot (fleet-slice.ts) and the popover's own state (ui-slice.ts).
// Components select single fields; derived lists go through selectors.ts with useShallow.
import { create } from 'zustand';
import { createFleetSlice, initialFleetData, type FleetSlice } from './fleet-slice.ts';
import { createUiSlice, initialUiData, type UiSlice } from './ui-slice.ts';

export type FleetStore = FleetSlice &
  UiSlice & {
    /** Back to the first render's state; tests call it between cases. */
    reset(): void;
  };

export const useFleetStore = create<FleetStore>()((...a) => ({
  ...createFleetSlice(...a),
  ...createUiSlice(...a),
  reset: () => a[0]({ ...initialFleetData(), ...initialUiData() }),
}));
