// Boots the menu-bar app from Electron's pieces: everything main.ts does, minus importing electron,
// so a test can boot the whole app on fakes (and a real or simulated fleet).
import { join } from 'node:path';
import type { FleetHost } from '../host/fleet-host.ts';
import type { WebHost, WebHostOptions } from '../web/web-host.ts';
import { createAppHost } from './app-host.ts';
import { becomeMenuBarApp, claimSingleInstance, cleanUpBeforeQuit, recheckOnWake } from './app-lifecycle.ts';
import { appPaths } from './app-paths.ts';
import type { AppSettings } from './app-settings.ts';
import type { ElectronMain } from './electron-ports.ts';
import { startMenuBarApp, type MenuBarApp } from './menu-bar-app.ts';
import { openSettings } from './settings-file.ts';

export interface BootOptions {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  log: (line: string) => void;
  /** Replaces the real fleet host (tests pass one on the launchd simulator). */
  createHost?: (settings: AppSettings) => FleetHost;
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
  const host = o.createHost?.(store.current()) ?? createAppHost(store.current(), o.env, o.home);
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
