// The running menu-bar app: the fleet host wired to the tray, the popover, IPC and notifications.
// Everything Electron comes in through `electron` (real in main.ts, fakes in tests).
import type { FleetHost } from '../host/fleet-host.ts';
import type { FleetView } from '../shared/fleet-contract.ts';
import { createAppNotifier } from './app-notifications.ts';
import type { AppPaths } from './app-paths.ts';
import { installSessionPolicy } from './content-security.ts';
import { createDashboard, type Dashboard } from './dashboard-opener.ts';
import type { ElectronMain, TrayPort } from './electron-ports.ts';
import { createPopover, type Popover } from './popover-window.ts';
import type { SettingsStore } from './settings-file.ts';
import { toMenuTemplate, trayMenuModel, type MenuAction } from './tray-menu.ts';
import { NEEDS_ATTENTION, trayPresentation } from './tray-state.ts';
import { isTrustedSender } from './trusted-sender.ts';
import { sendPush, serveInvokes } from './typed-ipc.ts';
import type { UiHintView } from './ui-hint.ts';
import type { WebHost, WebHostOptions } from '../web/web-host.ts';

export interface MenuBarAppOptions {
  host: FleetHost;
  paths: AppPaths;
  settings: SettingsStore;
  platform: NodeJS.Platform;
  devTools: boolean;
  now?: () => number;
  log?: (line: string) => void;
  startWebHost?: (options: WebHostOptions) => Promise<WebHost>;
}

export interface MenuBarApp {
  readonly tray: TrayPort;
  readonly popover: Popover;
  readonly dashboard: Dashboard;
  showPopover(hint?: UiHintView): void;
  /** Runs a tray-menu action (what a click on the menu item does). */
  dispatch(action: MenuAction): Promise<void>;
  /** Lets go of the fleet without touching it: stops watching, closes windows and the dashboard. */
  shutdown(): Promise<void>;
}

export function startMenuBarApp(electron: ElectronMain, o: MenuBarAppOptions): MenuBarApp {
  const { app } = electron;
  const log = o.log ?? (() => {});
  const host = o.host;
  const popover = createPopover(electron, {
    preloadPath: o.paths.preload,
    indexPath: o.paths.rendererIndex,
    platform: o.platform,
    devTools: o.devTools,
    now: o.now ?? Date.now,
    log,
  });
  installSessionPolicy(popover.window.webContents.session);
  const stopServing = serveInvokes(electron.ipcMain, host.handlers, {
    isTrusted: (event) => isTrustedSender(event, popover.trusted()),
    onRefused: (channel, reason) => log(`ipc: refused ${channel}: ${reason}`),
  });

  const tray = new electron.Tray(o.paths.trayImage('stopped'));
  tray.setIgnoreDoubleClickEvents(true);
  const showPopover = (hint?: UiHintView) => popover.showAt(tray.getBounds(), hint);
  tray.on('click', () => popover.toggleAt(tray.getBounds()));
  tray.on('right-click', () => {
    const model = trayMenuModel(host.view(), { launchAtLogin: app.getLoginItemSettings().openAtLogin });
    const menu = electron.Menu.buildFromTemplate(toMenuTemplate(model, (a) => void dispatch(a)));
    tray.popUpContextMenu(menu);
  });
  const refreshTray = (view: FleetView) => {
    const look = trayPresentation(view);
    tray.setImage(o.paths.trayImage(look.state));
    tray.setTitle(look.title, { fontType: 'monospacedDigit' });
    tray.setToolTip(look.tooltip);
  };

  const notifier = createAppNotifier(electron.Notification, {
    openPopover: (instance) => showPopover({ view: 'list', instance }),
    restart: (name) => void restart(name),
    canRestart: (name) => {
      const health = host.view().instances.find((i) => i.name === name)?.health;
      return health !== undefined && NEEDS_ATTENTION.has(health);
    },
    log,
  });
  const dashboard = createDashboard({
    host,
    staticDir: o.paths.rendererDir,
    openExternal: (url) => electron.shell.openExternal(url),
    ...(o.startWebHost ? { start: o.startWebHost } : {}),
  });

  const stopPushes = host.onPush((channel, payload) => {
    sendPush(popover.window.webContents, channel, payload);
    if (channel === 'snapshot') refreshTray(payload as FleetView);
    if (channel === 'notification') notifier.show(payload as Parameters<typeof notifier.show>[0]);
  });

  async function restart(name: string): Promise<void> {
    const reply = await host.handlers.handle('restart', { name });
    const outcome = reply.ok
      ? (reply.result as { ok: boolean; message: string })
      : { ok: false, message: reply.error };
    if (!outcome.ok) notifier.info(`Restart of ${name} failed`, outcome.message);
  }

  async function dispatch(action: MenuAction): Promise<void> {
    switch (action.kind) {
      case 'restart':
        return restart(action.name);
      case 'show-instance':
        return showPopover({ view: 'list', instance: action.name });
      case 'run-audit':
        return showPopover({ view: 'audit', instance: null });
      case 'open-dashboard':
        return dashboard.open().catch((error: unknown) => {
          notifier.info(
            'Could not open the dashboard',
            error instanceof Error ? error.message : String(error),
          );
        });
      case 'launch-at-login':
        app.setLoginItemSettings({ openAtLogin: action.enabled });
        await o.settings
          .update({ launchAtLogin: action.enabled })
          .catch((e: unknown) => log(`settings: ${String(e)}`));
        return;
      case 'quit':
        return app.quit();
    }
  }

  refreshTray(host.view());
  host.start();

  return {
    tray,
    popover,
    dashboard,
    showPopover,
    dispatch,
    async shutdown() {
      stopPushes();
      stopServing();
      notifier.closeAll();
      await Promise.all([host.stop(), dashboard.close()]);
      tray.destroy();
      popover.destroy();
    },
  };
}
