// What the host says: the snapshot is its FleetView, replaced wholesale on every push and never
// edited here, so the popover cannot drift from the monitor. Live events are kept beside it (the
// next snapshot carries them too; the events view merges both).
import type { StateCreator } from 'zustand';
import type { EventView, FleetView } from '../../src-main/shared/fleet-contract.ts';
import type { ConnectionState, NotificationAccess } from '../bridge.ts';
import type { FleetStore } from './fleet-store.ts';

const LIVE_EVENTS_KEPT = 50;

export interface FleetData {
  snapshot: FleetView | null;
  /** Why the first snapshot could not be fetched, until one arrives. */
  snapshotError: string | null;
  liveEvents: EventView[];
  connection: ConnectionState;
  notifications: NotificationAccess;
}

export interface FleetSlice extends FleetData {
  snapshotReceived(view: FleetView): void;
  snapshotFailed(message: string): void;
  eventReceived(event: EventView): void;
  connectionChanged(state: ConnectionState): void;
  notificationsChanged(access: NotificationAccess): void;
}

export const initialFleetData = (): FleetData => ({
  snapshot: null,
  snapshotError: null,
  liveEvents: [],
  connection: { status: 'connecting' },
  notifications: 'unsupported',
});

export const createFleetSlice: StateCreator<FleetStore, [], [], FleetSlice> = (set) => ({
  ...initialFleetData(),
  snapshotReceived: (view) =>
    set((s) => {
      // UI state that names an instance the host no longer reports goes with it.
      const names = new Set(view.instances.map((i) => i.name));
      const keep = (name: string | null) => (name !== null && names.has(name) ? name : null);
      return {
        snapshot: view,
        snapshotError: null,
        selected: keep(s.selected),
        expanded: keep(s.expanded),
        logs: s.logs !== null && names.has(s.logs.name) ? s.logs : null,
      };
    }),
  snapshotFailed: (message) => set({ snapshotError: message }),
  eventReceived: (event) => set((s) => ({ liveEvents: [event, ...s.liveEvents].slice(0, LIVE_EVENTS_KEPT) })),
  connectionChanged: (connection) => set({ connection }),
  notificationsChanged: (notifications) => set({ notifications }),
});
