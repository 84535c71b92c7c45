// Boots the menu-bar app from Electron's pieces: everything main.ts does, minus importing electron,
// so a test can boot the whole app on fakes (and a real or simulated fleet).
import { join } from 'node:path';
import type { FleetHost, FleetHostOptions } from '../host/fleet-host.ts';
import type { WebHost, WebHostOptions } from '../web/web-host.ts';
import { appFleetPaths, createAppHost } from './app-host.ts';
import { becomeMenuBarApp, claimSingleInstance, cleanUpBeforeQuit, recheckOnWake } from './app-lifecycle.ts';
import { appPaths } from './app-paths.ts';
import type { AppSettings } from './app-settings.ts';
import type { ElectronMain } from './electron-ports.ts';
import { startMenuBarApp, type MenuBarApp } from './menu-bar-app.ts';
import { openSettings } from './settings-file.ts';
import { createSettingsPort } from './settings-port.ts';

export interface BootOptions {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  log: (line: string) => void;
  /** Replaces the real fleet host (tests pass one on the launchd simulator). */
  createHost?: (settings: AppSettings, appSettings: FleetHostOptions['appSettings']) => FleetHost;
  startWebHost?: (options: WebHostOptions) => Promise<WebHost>;
  now?: () => number;
}

/** Resolves with the running app, or null when another copy already runs (this one then quits). */
export async function bootMenuBarApp(electron: ElectronMain, o: BootOptions): Promise<MenuBarApp | null> {
  const { app } = electron;
  if (!claimSingleInstance(app)) return null;
  let running: MenuBarApp | null = null;
  becomeMenuBarApp(app, () => running?.showPopover());
  await app.whenReady();

  const { store, notes } = await openSettings(join(app.getPath('userData'), 'settings.json'));
  for (const note of notes) o.log(`settings: ${note}`);
  const dirsFor = (s: AppSettings) => appFleetPaths(s, o.env, o.home);
  const inUse = dirsFor(store.current());
  const appSettings: FleetHostOptions['appSettings'] = (monitor) =>
    createSettingsPort({
      store,
      inUse: { root: inUse.root, agentsDir: inUse.agentsDir },
      dirsFor,
      apply: (s) =>
        monitor.configure({
          settings: { intervalMs: s.intervalMs },
          notifications: { enabled: s.notifications },
        }),
      setLaunchAtLogin: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
      relaunch: () => {
        app.relaunch();
        app.quit();
      },
    });
  const host =
    o.createHost?.(store.current(), appSettings) ??
    createAppHost(store.current(), o.env, o.home, appSettings);
  running = startMenuBarApp(electron, {
    host,
    paths: appPaths(app.getAppPath()),
    settings: store,
    platform: o.platform,
    devTools: !app.isPackaged,
    log: o.log,
    ...(o.now ? { now: o.now } : {}),
    ...(o.startWebHost ? { startWebHost: o.startWebHost } : {}),
  });
  recheckOnWake(electron.powerMonitor, () => host.monitor.checkNow());
  const app_ = running;
  cleanUpBeforeQuit(app, () => app_.shutdown(), o.log);
  return running;
}
