// The settings view's state: what the host reported, and the last save's outcome.
import type { StateCreator } from 'zustand';
import type { ActionOutcome, SettingsView } from '../../src-main/shared/fleet-contract.ts';
import type { FleetStore } from './fleet-store.ts';

export type SettingsState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; view: SettingsView; saving: boolean; outcome: ActionOutcome | null };

export interface SettingsSlice {
  settings: SettingsState;
  settingsLoading(): void;
  settingsLoaded(view: SettingsView): void;
  settingsFailed(message: string): void;
  settingsSaving(): void;
  /** A successful save carries the host's new view; a failed one keeps the old. */
  settingsSettled(outcome: ActionOutcome, view: SettingsView | null): void;
}

export const initialSettingsData = (): Pick<SettingsSlice, 'settings'> => ({
  settings: { phase: 'loading' },
});

export const createSettingsSlice: StateCreator<FleetStore, [], [], SettingsSlice> = (set) => ({
  ...initialSettingsData(),
  settingsLoading: () => set({ settings: { phase: 'loading' } }),
  settingsLoaded: (view) => set({ settings: { phase: 'ready', view, saving: false, outcome: null } }),
  settingsFailed: (message) => set({ settings: { phase: 'failed', message } }),
  settingsSaving: () =>
    set((s) =>
      s.settings.phase === 'ready' ? { settings: { ...s.settings, saving: true, outcome: null } } : {},
    ),
  settingsSettled: (outcome, view) =>
    set((s) =>
      s.settings.phase === 'ready'
        ? { settings: { phase: 'ready', view: view ?? s.settings.view, saving: false, outcome } }
        : {},
    ),
});
