// Every long-lived tie between the store and the host, started once and ended by one cleanup.
// The snapshot is fetched whenever the connection (re)opens; a push that overtakes that fetch wins,
// since the reply may predate it.
import type { Host } from '../bridge.ts';
import { errorText } from './commands.ts';
import { useFleetStore } from './fleet-store.ts';

export function startSubscriptions(host: Host): () => void {
  const store = () => useFleetStore.getState();
  let pushes = 0;
  let live = true;

  const refresh = () => {
    const seen = pushes;
    host.bridge.getSnapshot(null).then(
      (view) => {
        if (live && seen === pushes) store().snapshotReceived(view);
      },
      (error: unknown) => {
        if (live) store().snapshotFailed(errorText(error));
      },
    );
  };

  store().notificationsChanged(host.notifier.access());
  const stops = [
    host.bridge.subscribe('snapshot', (view) => {
      pushes += 1;
      store().snapshotReceived(view);
    }),
    host.bridge.subscribe('event', (event) => store().eventReceived(event)),
    host.bridge.subscribe('notification', (n) => host.notifier.show(n)),
    host.watchHints((hint) => store().hintReceived(hint)),
    host.watchConnection((state) => {
      store().connectionChanged(state);
      if (state.status === 'open') refresh();
    }),
  ];

  return () => {
    live = false;
    for (const stop of stops) stop();
  };
}
