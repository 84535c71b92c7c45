// The popover: a frameless, hidden-until-asked panel under the tray icon that loads the renderer.
// Locked down per Electron's security checklist (isolation, sandbox, no Node, no navigation, no new
// windows, no webviews); hidden when it loses focus, like a menu.
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ElectronMain, WebContentsPort, WindowPort } from './electron-ports.ts';
import { popoverPosition, type Rect } from './popover-position.ts';
import type { TrustedPage } from './trusted-sender.ts';
import { sendUiHint } from './typed-ipc.ts';
import type { UiHintView } from './ui-hint.ts';

export const POPOVER_SIZE = { width: 360, height: 480 } as const;

/** A tray click this soon after a blur-hide is the click that caused the blur: it must not reopen. */
const BLUR_CLICK_MS = 300;

export function popoverWindowOptions(
  preloadPath: string,
  platform: NodeJS.Platform,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    // Not in the Dock, the app switcher or Mission Control; an NSPanel floats like a menu.
    skipTaskbar: true,
    hiddenInMissionControl: true,
    ...(platform === 'darwin' ? { type: 'panel' } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  };
}

/** No navigation, redirects, new windows or webviews: the popover only ever shows its own page. */
export function lockDownWebContents(webContents: WebContentsPort, onBlocked: (what: string) => void): void {
  webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    onBlocked(`navigation to ${url}`);
  });
  webContents.on('will-redirect', (event, url) => {
    event.preventDefault();
    onBlocked(`redirect to ${url}`);
  });
  webContents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('a webview');
  });
  webContents.setWindowOpenHandler(({ url }) => {
    onBlocked(`a new window for ${url}`);
    return { action: 'deny' };
  });
}

export interface Popover {
  readonly window: WindowPort;
  /** The page main trusts IPC from. */
  trusted(): TrustedPage | null;
  isVisible(): boolean;
  showAt(trayBounds: Rect, hint?: UiHintView): void;
  toggleAt(trayBounds: Rect): void;
  hide(): void;
  destroy(): void;
}

export interface PopoverOptions {
  preloadPath: string;
  indexPath: string;
  platform: NodeJS.Platform;
  devTools: boolean;
  now: () => number;
  log: (line: string) => void;
}

export function createPopover(
  electron: Pick<ElectronMain, 'BrowserWindow' | 'screen'>,
  o: PopoverOptions,
): Popover {
  const window = new electron.BrowserWindow(popoverWindowOptions(o.preloadPath, o.platform, o.devTools));
  const webContents = window.webContents;
  const url = pathToFileURL(o.indexPath).href;
  let hiddenByBlurAt = Number.NEGATIVE_INFINITY;
  let pendingHint: UiHintView | null = null;

  lockDownWebContents(webContents, (what) => o.log(`popover: blocked ${what}`));
  window.on('blur', () => {
    if (!window.isVisible()) return;
    hiddenByBlurAt = o.now();
    window.hide();
  });
  // A hint sent while the page loads would be lost: hold the latest and send it once loaded.
  webContents.on('did-finish-load', () => {
    if (pendingHint !== null) sendUiHint(webContents, pendingHint);
    pendingHint = null;
  });
  webContents.on('render-process-gone', (_event, details) => {
    o.log(`popover: renderer gone (${details.reason}); reloading`);
    webContents.reload();
  });
  window
    .loadFile(o.indexPath)
    .catch((error: unknown) => o.log(`popover: could not load ${o.indexPath}: ${String(error)}`));

  const popover: Popover = {
    window,
    trusted: () => (window.isDestroyed() ? null : { webContentsId: webContents.id, url }),
    isVisible: () => !window.isDestroyed() && window.isVisible(),
    showAt(trayBounds, hint) {
      const display = electron.screen.getDisplayMatching(trayBounds);
      const { x, y } = popoverPosition(trayBounds, display.workArea, POPOVER_SIZE);
      window.setPosition(x, y, false);
      window.show();
      window.focus();
      if (hint === undefined) return;
      if (webContents.isLoading()) pendingHint = hint;
      else sendUiHint(webContents, hint);
    },
    toggleAt(trayBounds) {
      if (popover.isVisible()) popover.hide();
      else if (o.now() - hiddenByBlurAt >= BLUR_CLICK_MS) popover.showAt(trayBounds);
    },
    hide: () => window.hide(),
    destroy: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
  return popover;
}
