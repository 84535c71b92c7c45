import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, SETTINGS_VERSION } from '../../../src-main/app/app-settings.ts';
import { openSettings } from '../../../src-main/app/settings-file.ts';
import { FLEET_EVENT_TYPES } from '../../../src-main/shared/health-state.ts';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocf-settings-'));
  path = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const backups = () => {
  try {
    return readdirSync(join(dir, 'settings-backups'));
  } catch {
    return [];
  }
};

describe('app settings', () => {
  it('default to a 2 s interval, every notification on, no overrides, no login item', () => {
    expect(defaultSettings()).toEqual({
      version: SETTINGS_VERSION,
      intervalMs: 2000,
      notifications: Object.fromEntries(FLEET_EVENT_TYPES.map((t) => [t, true])),
      rootDir: null,
      agentsDir: null,
      launchAtLogin: false,
    });
  });

  it('are defaults when there is no file, and nothing is written until something changes', async () => {
    const { store, notes } = await openSettings(path);
    expect(store.current()).toEqual(defaultSettings());
    expect(notes).toEqual([]);
    expect(() => statSync(path)).toThrow();
  });

  it('are read back as written, the file private to the user', async () => {
    const { store } = await openSettings(path);
    await store.update({ intervalMs: 5000, rootDir: '/Volumes/fleet/openclaw', launchAtLogin: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = await openSettings(path);
    expect(again.store.current()).toMatchObject({
      intervalMs: 5000,
      rootDir: '/Volumes/fleet/openclaw',
      launchAtLogin: true,
    });
  });

  it('refuse an invalid change and keep the file as it was', async () => {
    const { store } = await openSettings(path);
    await store.update({ intervalMs: 3000 });
    await expect(store.update({ intervalMs: 5 })).rejects.toThrow(/intervalMs/);
    await expect(store.update({ agentsDir: 'relative/dir' })).rejects.toThrow(/agentsDir: an absolute path/);
    expect(JSON.parse(readFileSync(path, 'utf8')).intervalMs).toBe(3000);
    expect(store.current().intervalMs).toBe(3000);
  });

  it.each([
    ['not JSON', '{"version": 1, "intervalMs": '],
    ['a wrong type', JSON.stringify({ ...defaultSettings(), intervalMs: 'fast' })],
    ['an interval out of range', JSON.stringify({ ...defaultSettings(), intervalMs: 10 })],
    ['a missing event type', JSON.stringify({ ...defaultSettings(), notifications: { exited: true } })],
    ['an array', '[]'],
  ])('replace a corrupt file (%s) with defaults and keep the bad one as a backup', async (_what, text) => {
    writeFileSync(path, text);
    const { store, notes } = await openSettings(path);
    expect(store.current()).toEqual(defaultSettings());
    expect(notes[0]).toMatch(
      /^settings.json was invalid \(.+\); defaults in use, the bad file is .+settings-backups/,
    );
    expect(backups()).toHaveLength(1);
    expect(readFileSync(join(dir, 'settings-backups', backups()[0]!), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(defaultSettings());
  });

  it('migrate version 0 (no version, one notify switch) and keep the original', async () => {
    const old = { intervalMs: 4000, notify: false, rootDir: '/srv/openclaw', launchAtLogin: true };
    writeFileSync(path, JSON.stringify(old));
    const { store, notes } = await openSettings(path);
    expect(store.current()).toEqual({
      version: 1,
      intervalMs: 4000,
      notifications: Object.fromEntries(FLEET_EVENT_TYPES.map((t) => [t, false])),
      rootDir: '/srv/openclaw',
      agentsDir: null,
      launchAtLogin: true,
    });
    expect(notes[0]).toMatch(/^settings migrated from version 0/);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'settings-backups', backups()[0]!), 'utf8'))).toEqual(old);
  });

  it('migrate a version 0 file that never had notifications to all of them on', () => {
    const parsed = parseSettings({ version: 0, intervalMs: 2500 });
    expect(parsed).toMatchObject({ kind: 'ok', migratedFrom: 0 });
    if (parsed.kind === 'ok') expect(Object.values(parsed.settings.notifications).every(Boolean)).toBe(true);
  });

  it('leave a file from a newer app alone and run on defaults', async () => {
    const newer = JSON.stringify({ version: 2, theme: 'dark' });
    writeFileSync(path, newer);
    const { store, notes } = await openSettings(path);
    expect(store.current()).toEqual(defaultSettings());
    expect(notes[0]).toMatch(/version 2, newer than this app/);
    expect(readFileSync(path, 'utf8')).toBe(newer);
    expect(backups()).toEqual([]);
  });

  it('ignore keys they do not know', () => {
    const parsed = parseSettings({ ...defaultSettings(), extra: 1 });
    expect(parsed.kind === 'ok' && parsed.settings).toEqual(defaultSettings());
  });
});
