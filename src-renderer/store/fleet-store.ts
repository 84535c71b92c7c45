// The one store: the host's snapshot (fleet-slice.ts), the popover's own state (ui-slice.ts) and the
// settings view's (settings-slice.ts).
// Components select single fields; derived lists go through selectors.ts with useShallow.
import { create } from 'zustand';
import { createFleetSlice, initialFleetData, type FleetSlice } from './fleet-slice.ts';
import { createSettingsSlice, initialSettingsData, type SettingsSlice } from './settings-slice.ts';
import { createUiSlice, initialUiData, type UiSlice } from './ui-slice.ts';

export type FleetStore = FleetSlice &
  UiSlice &
  SettingsSlice & {
    /** Back to the first render's state; tests call it between cases. */
    reset(): void;
  };

export const useFleetStore = create<FleetStore>()((...a) => ({
  ...createFleetSlice(...a),
  ...createUiSlice(...a),
  ...createSettingsSlice(...a),
  reset: () => a[0]({ ...initialFleetData(), ...initialUiData(), ...initialSettingsData() }),
}));
