import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appPaths } from '../../../src-main/app/app-paths.ts';
import { startMenuBarApp } from '../../../src-main/app/menu-bar-app.ts';
import { POPOVER_CSP } from '../../../src-main/app/content-security.ts';
import { openSettings } from '../../../src-main/app/settings-file.ts';
import type { WebHostOptions } from '../../../src-main/web/web-host.ts';
import { createFakeElectron, invokeEvent, type FakeMenu } from '../../fakes/electron.ts';
import { createFakeFleetHost, fleetView, instanceView } from '../../fakes/fleet-host.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocf-app-'));
  mkdirSync(join(dir, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function start() {
  const fake = createFakeElectron({ userData: join(dir, 'ud'), appPath: dir });
  const host = createFakeFleetHost();
  const { store } = await openSettings(join(dir, 'ud', 'settings.json'));
  const started: WebHostOptions[] = [];
  const app = startMenuBarApp(fake.electron, {
    host,
    paths: appPaths(dir),
    settings: store,
    platform: 'darwin',
    devTools: false,
    now: () => 1_000_000,
    startWebHost: async (options) => {
      started.push(options);
      return { url: 'http://127.0.0.1:5555/?token=t', port: 5555, token: 't', close: async () => {} };
    },
  });
  const tray = fake.trays[0]!;
  const window = fake.windows[0]!;
  return { fake, host, app, tray, window, store, started };
}

const degraded = fleetView([
  instanceView('luca', 'healthy'),
  instanceView('critic', 'crash-loop'),
  instanceView('scout', 'degraded'),
]);

describe('the menu-bar app', () => {
  it('starts watching the fleet and shows "checking" until the first snapshot', async () => {
    const { host, tray } = await start();
    expect(host.started).toBe(1);
    expect(tray.image).toBe(join(dir, 'assets', 'tray-stoppedTemplate.png'));
    expect(tray.title).toBe('');
    expect(tray.toolTip).toMatch(/checking/);
    expect(tray.ignoreDoubleClick).toBe(true);
  });

  it('updates the icon and title from each snapshot and forwards every push to the popover', async () => {
    const { host, tray, window } = await start();
    host.push('snapshot', degraded);
    expect(tray.image).toBe(join(dir, 'assets', 'tray-crash-loopTemplate.png'));
    expect(tray.title).toBe('2');
    host.push('event', {
      type: 'exited',
      instance: 'critic',
      at: '2026-01-01T00:00:00.000Z',
      reason: 'exit 78',
    });
    expect(window.webContents.sent.map((s) => s.channel)).toEqual(['fleet:snapshot', 'fleet:event']);
    host.push('snapshot', fleetView([instanceView('luca', 'healthy')]));
    expect([tray.image.endsWith('tray-healthyTemplate.png'), tray.title]).toEqual([true, '']);
  });

  it('sets the strict CSP on the popover’s session and serves IPC to the popover only', async () => {
    const { fake, window } = await start();
    expect(window.webContents.session.webRequest.headersListener).not.toBeNull();
    const answers: { responseHeaders?: Record<string, string[]> }[] = [];
    window.webContents.session.webRequest.headersListener?.(
      {
        id: 1,
        url: 'file:///x',
        method: 'GET',
        resourceType: 'mainFrame',
        referrer: '',
        timestamp: 0,
        statusLine: '',
        statusCode: 200,
      },
      (r) => answers.push(r as never),
    );
    expect(answers[0]?.responseHeaders?.['Content-Security-Policy']).toEqual([POPOVER_CSP]);
    const page = pathToFileURL(join(dir, 'out', 'renderer', 'index.html')).href;
    expect(
      await fake.ipcMain.invoke('fleet:get-snapshot', invokeEvent(window.webContents.id, page), null),
    ).toMatchObject({ ok: true });
    expect(await fake.ipcMain.invoke('fleet:get-snapshot', invokeEvent(999, page), null)).toMatchObject({
      ok: false,
    });
  });

  it('toggles the popover under the icon with a left click', async () => {
    const { tray, window } = await start();
    tray.click();
    expect(window.visible).toBe(true);
    // Centred under the icon (x 1200, 24 wide), at the top of the work area below the menu bar.
    expect(window.position).toEqual([1200 + 12 - 180, 38]);
    tray.click();
    expect(window.visible).toBe(false);
  });

  it('opens the native menu with a right click, built from the current view', async () => {
    const { host, tray, fake } = await start();
    host.push('snapshot', degraded);
    tray.rightClick();
    const menu = tray.poppedUp[0] as FakeMenu;
    expect(menu).toBe(fake.menus[0]);
    expect(menu.template.slice(0, 3).map((i) => i.label)).toEqual([
      '● luca — Healthy',
      '↻ critic — Crash loop',
      '▲ scout — Degraded',
    ]);
  });

  it('raises a native notification for a notification push; clicking it opens the popover on the instance', async () => {
    const { host, fake, window } = await start();
    host.push('snapshot', degraded);
    window.webContents.finishLoad();
    host.push('notification', {
      id: 'critic@1',
      kind: 'new',
      instance: 'critic',
      title: 'critic is crash-looping',
      body: '',
    });
    const n = fake.notifications[0]!;
    expect(n.options.actions).toEqual([{ type: 'button', text: 'Restart' }]);
    n.click();
    expect(window.visible).toBe(true);
    expect(window.webContents.sentOn('fleet:ui-hint')).toEqual([{ view: 'list', instance: 'critic' }]);
  });

  it('offers no Restart on a notification about an instance that is fine now', async () => {
    const { host, fake } = await start();
    host.push('snapshot', degraded);
    host.push('notification', {
      id: 'luca@1',
      kind: 'update',
      instance: 'luca',
      title: 'luca recovered',
      body: '',
    });
    expect(fake.notifications[0]!.options.actions).toEqual([]);
  });

  it('restarts from the notification’s Restart button through the validated handlers', async () => {
    const { host, fake } = await start();
    host.push('snapshot', degraded);
    host.push('notification', { id: 'critic@1', kind: 'new', instance: 'critic', title: 't', body: '' });
    host.reply = () => ({
      ok: true,
      result: { ok: false, message: 'launchd refused to load ai.openclaw.critic' },
    });
    fake.notifications[0]!.act(0);
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(2));
    expect(host.calls).toEqual([{ channel: 'restart', payload: { name: 'critic' } }]);
    expect(fake.notifications[1]!.options).toMatchObject({
      title: 'Restart of critic failed',
      body: 'launchd refused to load ai.openclaw.critic',
    });
  });

  it('runs the menu’s commands', async () => {
    const { app, host, fake, window, store, started } = await start();
    await app.dispatch({ kind: 'restart', name: 'luca' });
    expect(host.calls).toEqual([{ channel: 'restart', payload: { name: 'luca' } }]);
    window.webContents.finishLoad();
    await app.dispatch({ kind: 'run-audit' });
    expect(window.visible).toBe(true);
    expect(window.webContents.sentOn('fleet:ui-hint').at(-1)).toEqual({ view: 'audit', instance: null });
    await app.dispatch({ kind: 'launch-at-login', enabled: true });
    expect(fake.app.loginItem).toBe(true);
    expect(store.current().launchAtLogin).toBe(true);
    await app.dispatch({ kind: 'open-dashboard' });
    await app.dispatch({ kind: 'open-dashboard' });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ port: 0, staticDir: join(dir, 'out', 'renderer') });
    expect(fake.shell.opened).toEqual(['http://127.0.0.1:5555/?token=t', 'http://127.0.0.1:5555/?token=t']);
    await app.dispatch({ kind: 'quit' });
    expect(fake.app.quitCalls).toBe(1);
  });

  it('says so when the dashboard cannot open', async () => {
    const { app, fake } = await start();
    rmSync(join(dir, 'out', 'renderer', 'index.html'));
    await app.dispatch({ kind: 'open-dashboard' });
    expect(fake.notifications[0]!.options.title).toBe('Could not open the dashboard');
    expect(fake.shell.opened).toEqual([]);
  });

  it('lets go of the fleet on shutdown without a single fleet operation', async () => {
    const { app, host, fake, tray, window } = await start();
    await app.shutdown();
    expect(host.stopped).toBe(1);
    expect(host.calls).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(tray.destroyed && window.destroyed).toBe(true);
    host.push('snapshot', degraded);
    expect(window.webContents.sent).toEqual([]);
  });
});
