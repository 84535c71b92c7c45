// The popover's settings channels on the app's settings file: read, save (validated, atomic) and
// apply at once — the interval and notifications through the monitor, the login item through
// Electron. The dirs cannot change under a running host, so a changed override waits for a relaunch.
import type { AppSettingsPort } from '../ports/app-settings.ts';
import type { SettingsValues, SettingsView } from '../shared/fleet-contract.ts';
import type { AppSettings } from './app-settings.ts';
import type { SettingsStore } from './settings-file.ts';

export interface WatchedDirs {
  root: string;
  agentsDir: string;
}

export interface SettingsPortDeps {
  store: SettingsStore;
  /** The dirs the running host watches (resolved at boot). */
  inUse: WatchedDirs;
  /** The dirs some settings would resolve to (settings, then environment, then defaults). */
  dirsFor(settings: AppSettings): WatchedDirs;
  /** Hands the interval and notification switches to the running monitor. */
  apply(settings: AppSettings): void;
  setLaunchAtLogin(enabled: boolean): void;
  /** Starts a new copy of the app and quits this one (quitting never stops a gateway). */
  relaunch(): void;
}

export function createSettingsPort(d: SettingsPortDeps): AppSettingsPort {
  const view = (): SettingsView => {
    const settings = d.store.current();
    const wanted = d.dirsFor(settings);
    return {
      available: true,
      values: valuesOf(settings),
      inUse: d.inUse,
      relaunchNeeded: wanted.root !== d.inUse.root || wanted.agentsDir !== d.inUse.agentsDir,
    };
  };

  return {
    get: async () => view(),
    async update(patch) {
      const before = d.store.current();
      let saved: AppSettings;
      try {
        saved = await d.store.update({
          ...patch,
          notifications: { ...before.notifications, ...patch.notifications },
        });
      } catch (error) {
        return { ok: false, message: `Not saved: ${error instanceof Error ? error.message : String(error)}` };
      }
      d.apply(saved);
      if (saved.launchAtLogin !== before.launchAtLogin) d.setLaunchAtLogin(saved.launchAtLogin);
      const settings = view();
      const relaunch = settings.available && settings.relaunchNeeded;
      return {
        ok: true,
        message: relaunch ? 'Saved. The new folders are watched after a relaunch.' : 'Saved.',
        settings,
      };
    },
    async relaunch() {
      d.relaunch();
      return { ok: true, message: 'Relaunching OpenClaw Fleet; the gateways keep running.' };
    },
  };
}

function valuesOf(s: AppSettings): SettingsValues {
  return {
    intervalMs: s.intervalMs,
    notifications: { ...s.notifications },
    rootDir: s.rootDir,
    agentsDir: s.agentsDir,
    launchAtLogin: s.launchAtLogin,
  };
}
