// The one module that knows where the renderer runs. In the Electron app the preload exposes
// `window.fleetBridge`; in the browser the web host's WebSocket stands in for it. The rest of the
// renderer gets a Host and cannot tell the two apart. Browser notifications and the clipboard are
// reached from here too, so a test can hand the app a fake of each.
import type { FleetBridge, NotificationView } from '../src-main/shared/fleet-contract.ts';
import { PUSH_SCHEMAS } from '../src-main/shared/fleet-contract-schemas.ts';
import { guardBridge } from './bridge-guard.ts';
import { createWebBridge, tokenFromUrl, webSocketUrl, type ConnectionState } from './web-bridge.ts';

export type { ConnectionState } from './web-bridge.ts';

export type NotificationAccess = NotificationPermission | 'unsupported';

export interface Notifier {
  access(): NotificationAccess;
  /** Asks the user; browsers only allow it from a click. */
  request(): Promise<NotificationAccess>;
  show(notification: NotificationView): void;
}

export interface Host {
  bridge: FleetBridge;
  /** Calls the listener with the current state at once, then on every change. */
  watchConnection(listener: (state: ConnectionState) => void): () => void;
  notifier: Notifier;
  /** Puts text on the clipboard; the text may still be on its way (a reveal round trip). */
  copyText(text: Promise<string>): Promise<void>;
  /** Where the host asks the popover to go (a notification or the tray menu opened it). */
  watchHints(listener: (hint: UiHint) => void): () => void;
}

export interface UiHint {
  view: 'list' | 'audit';
  /** The instance to select and expand, or null for the fleet as a whole. */
  instance: string | null;
}

export function connectHost(win: Window = window): Host {
  const copyText = clipboardWriter(win);
  if (win.fleetBridge !== undefined) {
    return {
      bridge: guardBridge(win.fleetBridge),
      watchConnection: (listener) => {
        listener({ status: 'open' });
        return () => {};
      },
      // The app shows native notifications from main (and denies the page the permission).
      notifier: { access: () => 'unsupported', request: async () => 'unsupported', show: () => {} },
      copyText,
      watchHints: appHints(win.fleetBridge),
    };
  }
  const web = createWebBridge({ url: webSocketUrl(win.location), token: tokenFromUrl(win.location) });
  return {
    bridge: web,
    watchConnection: web.watchConnection,
    notifier: browserNotifier(win),
    copyText,
    watchHints: () => () => {},
  };
}

// Only the Electron host sends hints; the pushes are parsed like every other push.
function appHints(bridge: FleetBridge): Host['watchHints'] {
  return (listener) =>
    bridge.subscribe('uiHint', (payload) => {
      const hint = PUSH_SCHEMAS.uiHint.safeParse(payload);
      if (hint.success) listener(hint.data);
    });
}

function browserNotifier(win: Window): Notifier {
  const api = (win as Window & { Notification?: typeof Notification }).Notification;
  return {
    access: () => (api === undefined ? 'unsupported' : api.permission),
    request: async () => (api === undefined ? 'unsupported' : api.requestPermission()),
    show(n) {
      if (api === undefined || api.permission !== 'granted') return;
      // The id as tag: an `update` replaces the notification it updates instead of stacking.
      new api(n.title, { body: n.body, tag: n.id });
    },
  };
}

function clipboardWriter(win: Window): Host['copyText'] {
  return async (text) => {
    const clipboard = win.navigator.clipboard as Clipboard | undefined;
    if (clipboard === undefined) {
      await text;
      throw new Error('This page cannot reach the clipboard');
    }
    const Item = (win as Window & { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
    if (Item === undefined || typeof clipboard.write !== 'function') {
      await clipboard.writeText(await text);
      return;
    }
    // Safari honours the click only for a write started inside it, so the write starts now and
    // waits for the text; Chromium accepts the same.
    const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
    blob.catch(() => {});
    const write = clipboard.write([new Item({ 'text/plain': blob })]);
    write.catch(() => {});
    await text;
    await write;
  };
}
