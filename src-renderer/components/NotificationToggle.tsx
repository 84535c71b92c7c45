import { useHost } from '../host-context.ts';
import { enableNotifications } from '../store/commands.ts';
import { useFleetStore } from '../store/fleet-store.ts';

/** Notifications only after the user asks for them, since a browser lets a page ask once. */
export function NotificationToggle() {
  const host = useHost();
  const access = useFleetStore((s) => s.notifications);
  if (access === 'unsupported') return null;

  return (
    <p className="notifications">
      {access === 'granted' && 'Notifications are on for this page.'}
      {access === 'denied' && 'Notifications are blocked for this page in the browser’s settings.'}
      {access === 'default' && (
        <button type="button" onClick={() => void enableNotifications(host)}>
          Show notifications
        </button>
      )}
    </p>
  );
}
