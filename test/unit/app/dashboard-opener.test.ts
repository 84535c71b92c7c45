import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDashboard } from '../../../src-main/app/dashboard-opener.ts';
import { createFakeFleetHost } from '../../fakes/fleet-host.ts';

let staticDir: string;
beforeEach(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'ocf-dash-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>fleet</title>');
});
afterEach(() => rmSync(staticDir, { recursive: true, force: true }));

describe('Open Dashboard', () => {
  it('starts the web host on 127.0.0.1 once, opens its tokened URL, and stops it on close', async () => {
    const opened: string[] = [];
    const dashboard = createDashboard({
      host: createFakeFleetHost(),
      staticDir,
      openExternal: async (url) => void opened.push(url),
    });
    try {
      await dashboard.open();
      await dashboard.open();
      expect(opened).toHaveLength(2);
      expect(opened[0]).toBe(opened[1]);
      const url = new URL(opened[0]!);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>fleet</title>');
      expect((await fetch(`http://127.0.0.1:${url.port}/`)).status).toBe(403);
    } finally {
      await dashboard.close();
    }
    expect(dashboard.url()).toBeNull();
    await expect(fetch(opened[0]!)).rejects.toThrow();
  });

  it('refuses when the renderer is not built, and can try again later', async () => {
    rmSync(join(staticDir, 'index.html'));
    const dashboard = createDashboard({
      host: createFakeFleetHost(),
      staticDir,
      openExternal: async () => {},
    });
    await expect(dashboard.open()).rejects.toThrow(/the dashboard is not built/);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    await dashboard.open();
    expect(dashboard.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    await dashboard.close();
  });
});
