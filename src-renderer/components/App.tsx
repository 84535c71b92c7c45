import { useEffect } from 'react';
import type { Host } from '../bridge.ts';
import { HostContext } from '../host-context.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { startSubscriptions } from '../store/subscriptions.ts';
import { useKeyboard } from '../use-keyboard.ts';
import { AddInstanceView } from './AddInstanceView.tsx';
import { AuditView } from './AuditView.tsx';
import { EventsView } from './EventsView.tsx';
import { ListView } from './ListView.tsx';
import { SettingsView } from './SettingsView.tsx';
import { Unauthorized } from './Unauthorized.tsx';

/** The popover. Everything it knows of the outside world comes through `host`. */
export function App({ host }: { host: Host }) {
  useEffect(() => startSubscriptions(host), [host]);
  useKeyboard(host);
  const view = useFleetStore((s) => s.view);
  const unauthorized = useFleetStore((s) => s.connection.status === 'unauthorized');

  return (
    <HostContext value={host}>
      <div className="app">
        {unauthorized ? (
          <Unauthorized />
        ) : view === 'audit' ? (
          <AuditView />
        ) : view === 'add' ? (
          <AddInstanceView />
        ) : view === 'events' ? (
          <EventsView />
        ) : view === 'settings' ? (
          <SettingsView />
        ) : (
          <ListView />
        )}
      </div>
    </HostContext>
  );
}
