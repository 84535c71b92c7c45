import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppSettings } from '../../../src-main/app/app-settings.ts';
import { bootMenuBarApp } from '../../../src-main/app/boot-app.ts';
import type { AppSettingsPort } from '../../../src-main/ports/app-settings.ts';
import { createFakeElectron } from '../../fakes/electron.ts';
import { createFakeFleetHost } from '../../fakes/fleet-host.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocf-boot-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function boot(fake = createFakeElectron({ userData: join(dir, 'ud'), appPath: dir })) {
  const host = createFakeFleetHost();
  const seen: AppSettings[] = [];
  const log: string[] = [];
  let settingsPort: AppSettingsPort | undefined;
  const running = bootMenuBarApp(fake.electron, {
    platform: 'darwin',
    env: {},
    home: dir,
    log: (l) => log.push(l),
    createHost: (settings, appSettings) => {
      seen.push(settings);
      settingsPort = appSettings?.(host.monitor);
      return host;
    },
  });
  return { fake, host, seen, log, running, settings: () => settingsPort! };
}

describe('booting the app', () => {
  it('does nothing but quit when another copy runs', async () => {
    const fake = createFakeElectron({ userData: join(dir, 'ud'), appPath: dir });
    fake.app.lockAvailable = false;
    const { running, host } = boot(fake);
    expect(await running).toBeNull();
    expect(fake.app.quitted).toBe(true);
    expect(fake.trays).toEqual([]);
    expect(host.started).toBe(0);
  });

  it('hides the Dock icon, builds the host from the settings and shows the tray', async () => {
    mkdirSync(join(dir, 'ud'));
    writeFileSync(join(dir, 'ud', 'settings.json'), JSON.stringify({ version: 1, intervalMs: 'often' }));
    const { running, fake, host, seen, log } = boot();
    const app = await running;
    expect(app).not.toBeNull();
    expect(fake.app.dockHidden).toBe(true);
    expect(fake.trays).toHaveLength(1);
    expect(host.started).toBe(1);
    expect(seen[0]?.intervalMs).toBe(2000);
    expect(log[0]).toMatch(/^settings: settings.json was invalid/);
    expect(readdirSync(join(dir, 'ud', 'settings-backups'))).toHaveLength(1);
    expect(fake.windows[0]!.options.webPreferences?.devTools).toBe(true);
  });

  it('checks the fleet at once on resume and on unlock', async () => {
    const { running, fake, host } = boot();
    await running;
    fake.powerMonitor.emit('resume');
    fake.powerMonitor.emit('unlock-screen');
    expect(host.checks).toBe(2);
  });

  it('opens the popover when the user launches it again', async () => {
    const { running, fake } = boot();
    await running;
    fake.app.emit('second-instance', {}, [], dir, {});
    expect(fake.windows[0]!.visible).toBe(true);
  });

  it('quits after letting go of the fleet, with no fleet operation on the way out', async () => {
    const { running, fake, host } = boot();
    await running;
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(host.stopped).toBe(1);
    expect(host.calls).toEqual([]);
    expect(fake.trays[0]!.destroyed).toBe(true);
  });

  it('hands the Settings view a port that applies to this host and this app', async () => {
    const { running, fake, host, settings } = boot();
    await running;
    const reply = await settings().update({ intervalMs: 7000, launchAtLogin: true });
    expect(reply).toMatchObject({ ok: true, message: 'Saved.' });
    expect(host.configured).toEqual([
      { settings: { intervalMs: 7000 }, notifications: { enabled: expect.objectContaining({ exited: true }) } },
    ]);
    expect(fake.app.getLoginItemSettings().openAtLogin).toBe(true);
    const view = await settings().get();
    expect(view).toMatchObject({ available: true, inUse: { root: join(dir, '.openclaw') } });

    await settings().relaunch();
    expect(fake.app.relaunchCalls).toBe(1);
    expect(fake.app.quitCalls).toBe(1);
  });
});
