// The settings channels end to end on the main side: the contract's validation (host handlers),
// the settings port, and a real settings file in a temp dir.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../../src-main/app/app-settings.ts';
import { openSettings } from '../../../src-main/app/settings-file.ts';
import { createSettingsPort } from '../../../src-main/app/settings-port.ts';
import type { HandleResult } from '../../../src-main/host/host-handlers.ts';
import { NO_APP_SETTINGS } from '../../../src-main/host/no-app-settings.ts';
import type { AppSettingsPort } from '../../../src-main/ports/app-settings.ts';
import { recordingHandlers } from './ipc-test-kit.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ocf-settings-port-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function rig() {
  const { store } = await openSettings(join(dir, 'settings.json'));
  const applied: AppSettings[] = [];
  const loginItem: boolean[] = [];
  let relaunches = 0;
  const port = createSettingsPort({
    store,
    inUse: { root: '/Users/me/.openclaw', agentsDir: '/Users/me/Library/LaunchAgents' },
    dirsFor: (s) => ({
      root: s.rootDir ?? '/Users/me/.openclaw',
      agentsDir: s.agentsDir ?? '/Users/me/Library/LaunchAgents',
    }),
    apply: (s) => applied.push(s),
    setLaunchAtLogin: (enabled) => loginItem.push(enabled),
    relaunch: () => relaunches++,
  });
  const handlers = handlersOn(port);
  return { store, port, handlers, applied, loginItem, relaunches: () => relaunches };
}

function handlersOn(port: AppSettingsPort) {
  return recordingHandlers({
    getSettings: () => port.get(),
    updateSettings: (patch) => port.update(patch),
    relaunchApp: () => port.relaunch(),
  }).handlers;
}

const result = (reply: HandleResult) => (reply.ok ? reply.result : reply.error);

describe('the settings channels', () => {
  it('report the saved values and the dirs in use', async () => {
    const { handlers } = await rig();
    expect(result(await handlers.handle('getSettings', null))).toMatchObject({
      available: true,
      values: { intervalMs: 2000, rootDir: null, launchAtLogin: false },
      inUse: { root: '/Users/me/.openclaw' },
      relaunchNeeded: false,
    });
  });

  it('save atomically, merge one notification switch, and apply at once', async () => {
    const { handlers, applied, loginItem } = await rig();
    const reply = await handlers.handle('updateSettings', {
      intervalMs: 5000,
      notifications: { recovered: false },
      launchAtLogin: true,
    });
    expect(result(reply)).toMatchObject({ ok: true, message: 'Saved.' });
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as AppSettings;
    expect(onDisk.intervalMs).toBe(5000);
    expect(onDisk.notifications).toEqual({
      exited: true,
      'port-closed': true,
      'crash-loop': true,
      'auth-failed': true,
      recovered: false,
    });
    expect(applied.map((s) => s.intervalMs)).toEqual([5000]);
    expect(loginItem).toEqual([true]);
  });

  it('touch the login item only when that switch changed', async () => {
    const { handlers, loginItem } = await rig();
    await handlers.handle('updateSettings', { intervalMs: 3000 });
    expect(loginItem).toEqual([]);
  });

  it('say a changed dir needs a relaunch, and relaunch on request', async () => {
    const rigged = await rig();
    const reply = await rigged.handlers.handle('updateSettings', { rootDir: '/Volumes/fleet' });
    expect(result(reply)).toMatchObject({
      ok: true,
      message: 'Saved. The new folders are watched after a relaunch.',
      settings: { relaunchNeeded: true, values: { rootDir: '/Volumes/fleet' } },
    });
    expect(result(await rigged.handlers.handle('relaunchApp', null))).toMatchObject({ ok: true });
    expect(rigged.relaunches()).toBe(1);
  });

  it.each([
    [{ intervalMs: 10 }, 'intervalMs'],
    [{ intervalMs: '2000' }, 'intervalMs'],
    [{ rootDir: 'relative/dir' }, 'rootDir: an absolute path'],
    [{ agentsDir: '/a\0b' }, 'agentsDir: an absolute path'],
    [{ notifications: { exited: 'yes' } }, 'notifications.exited'],
    [{ notifications: { sneaky: true } }, 'notifications'],
    [{ token: 'x' }, 'payload'],
    [null, 'payload'],
  ])('refuse %j before anything is saved or applied', async (payload, where) => {
    const { handlers, applied } = await rig();
    const reply = await handlers.handle('updateSettings', payload);
    expect(reply.ok).toBe(false);
    expect(result(reply)).toMatch(
      new RegExp(`^invalid payload for updateSettings: .*${where.replace(/[.]/g, '\\.')}`),
    );
    expect(applied).toEqual([]);
    expect(() => readFileSync(join(dir, 'settings.json'))).toThrow();
  });

  it('on a host without settings (serve), say where settings live and change nothing', async () => {
    const handlers = handlersOn(NO_APP_SETTINGS);
    expect(result(await handlers.handle('getSettings', null))).toMatchObject({
      available: false,
      message: expect.stringMatching(/^Settings belong to the menu-bar app/),
    });
    expect(result(await handlers.handle('updateSettings', { intervalMs: 5000 }))).toMatchObject({
      ok: false,
    });
    expect(result(await handlers.handle('relaunchApp', null))).toMatchObject({ ok: false });
  });
});
