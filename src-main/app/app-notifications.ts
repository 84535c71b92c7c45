// Native notifications for what the notification policy emits (the host's `notification` push).
// Same id = the same incident: the previous banner is closed and the new one shown under the same
// macOS identifier, so it replaces rather than stacks. Clicking opens the popover on the instance;
// a Restart button is offered while the instance needs attention (macOS shows it for signed apps
// whose notifications are alerts; elsewhere the button is simply absent).
import type { NotificationConstructorOptions } from 'electron';
import type { NotificationView } from '../shared/fleet-contract.ts';
import type { ElectronMain, NotificationPort } from './electron-ports.ts';

export interface NotificationActions {
  openPopover(instance: string | null): void;
  restart(name: string): void;
  /** Whether a Restart button makes sense for this instance right now. */
  canRestart(name: string): boolean;
  log(line: string): void;
}

export const RESTART_ACTION_INDEX = 0;

/** Notifications kept alive for their click handlers; older ones are let go. */
const LIVE_LIMIT = 32;

export function notificationOptions(
  view: NotificationView,
  restartable: boolean,
): NotificationConstructorOptions {
  return {
    id: view.id,
    groupId: view.instance ?? 'fleet',
    title: view.title,
    body: view.body,
    // An update (a recovery, a second event in one incident) replaces the banner without a sound.
    silent: view.kind === 'update',
    actions: restartable ? [{ type: 'button', text: 'Restart' }] : [],
  };
}

export interface AppNotifier {
  show(view: NotificationView): void;
  /** A one-off message (a failed action) that is not part of an incident. */
  info(title: string, body: string): void;
  closeAll(): void;
}

export function createAppNotifier(
  Notification: ElectronMain['Notification'],
  actions: NotificationActions,
): AppNotifier {
  const live = new Map<string, NotificationPort>();
  let infoCount = 0;

  function raise(id: string, options: NotificationConstructorOptions, instance: string | null): void {
    if (!Notification.isSupported()) return;
    live.get(id)?.close();
    live.delete(id);
    const n = new Notification(options);
    n.on('click', () => actions.openPopover(instance));
    n.on('action', (details) => {
      if (details.actionIndex === RESTART_ACTION_INDEX && instance !== null) actions.restart(instance);
    });
    n.on('close', () => {
      if (live.get(id) === n) live.delete(id);
    });
    // Since Electron 42 an unsigned build cannot post notifications; say so once per banner.
    n.on('failed', (_event, error) => actions.log(`notification ${id} failed: ${error}`));
    live.set(id, n);
    if (live.size > LIVE_LIMIT) live.delete(live.keys().next().value as string);
    n.show();
  }

  return {
    show(view) {
      const restartable = view.instance !== null && actions.canRestart(view.instance);
      raise(view.id, notificationOptions(view, restartable), view.instance);
    },
    info(title, body) {
      raise(`info@${++infoCount}`, { title, body }, null);
    },
    closeAll() {
      for (const n of live.values()) n.close();
      live.clear();
    },
  };
}
