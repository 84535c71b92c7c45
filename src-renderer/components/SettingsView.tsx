import { useEffect } from 'react';
import { useHost } from '../host-context.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { loadSettings } from '../store/settings-commands.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { Spinner } from './Spinner.tsx';
import { ViewHeader } from './ViewHeader.tsx';

/** The app's settings, read from the host each time the view opens. */
export function SettingsView() {
  const host = useHost();
  const settings = useFleetStore((s) => s.settings);
  useEffect(() => void loadSettings(host), [host]);

  return (
    <>
      <ViewHeader title="Settings" />
      <main className="content">
        {settings.phase === 'loading' && (
          <p className="summary-line" role="status">
            <Spinner /> Reading the settings…
          </p>
        )}
        {settings.phase === 'failed' && (
          <p className="outcome outcome-failed" role="alert">
            The settings could not be read: {settings.message}
          </p>
        )}
        {settings.phase === 'ready' && !settings.view.available && (
          <p className="help">{settings.view.message}</p>
        )}
        {settings.phase === 'ready' && settings.view.available && (
          <SettingsForm
            // A fresh form for each view the host reports (after a load or a save).
            key={JSON.stringify(settings.view.values)}
            view={settings.view}
            saving={settings.saving}
            outcome={settings.outcome}
          />
        )}
      </main>
    </>
  );
}
