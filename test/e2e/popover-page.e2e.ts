// The built popover page as the menu-bar app loads it, which Linux can do without Electron: from
// file:// (BrowserWindow.loadFile) under the page's own meta CSP, and over HTTP with the app's
// session header (POPOVER_CSP) added, so both policies apply at once as they do in the popover.
// `window.fleetBridge` stands in for the preload's bridge (tested on its own in
// test/unit/app/preload-bridge.test.ts). Proves the production bundle needs no inline script or
// style, no eval and no network, and renders, styled, under the strictest policy it will meet.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPOVER_CSP } from '../../src-main/app/content-security.ts';
import { INVOKE_CHANNELS, type FleetView } from '../../src-main/shared/fleet-contract.ts';
import { ISOLATION_PROBE, type IsolationProbe } from '../helpers/popover-probes.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, POPOVER } from './dashboard-kit.ts';

const RENDERER = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  // file:// module scripts need this flag in Chromium; Electron grants file:// pages the same.
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, '--allow-file-access-from-files'],
  });
  server = createServer((req, res) => {
    const wanted = (req.url ?? '/').split('?')[0]!;
    const path =
      wanted === '/__probe.js'
        ? join(probeDir, 'probe.js')
        : normalize(join(RENDERER, wanted.replace(/^\/$/, '/index.html')));
    if (!path.startsWith(RENDERER) && !path.startsWith(probeDir)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': POPOVER_CSP,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(probeDir, { recursive: true, force: true });
});

const FLEET: FleetView = {
  checkedAt: '2026-11-25T10:00:00.000Z',
  problem: null,
  recentEvents: [],
  instances: [
    {
      name: 'luca',
      label: 'ai.openclaw.luca',
      port: 18789,
      pid: 812,
      health: 'healthy',
      reason: null,
      since: '2026-11-25T09:00:00.000Z',
      uptimeMs: 3_600_000,
      restartsLastHour: 0,
      layers: { plist: 'ok', loaded: 'ok', process: 'ok', port: 'ok', healthz: 'ok', auth: 'ok' },
      lastCrash: null,
      paths: { stateDir: '/s', plistPath: '/p', logPath: '/l' },
      busy: null,
    },
  ],
};

// Page-side code is text: this tier typechecks as Node code, without the DOM's types.
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
`;
/** One method per contract channel, as the preload's bridge has. */
const standInBridge = (fleet: FleetView) => `
  window.fleetBridge = { subscribe: () => () => {} };
  for (const name of ${JSON.stringify(Object.keys(INVOKE_CHANNELS))})
    window.fleetBridge[name] = async () => (name === 'getSnapshot' ? ${JSON.stringify(fleet)} : { ok: true, message: 'done' });
`;
/** Runs in the page: an inline script and a fetch, both of which the CSP must refuse. */
const TRY_INLINE_AND_FETCH = `(async () => {
  const s = document.createElement('script');
  s.textContent = 'window.__inline = true';
  document.body.append(s);
  const fetched = await fetch('https://example.com/').then(() => true, () => false);
  return { evalRan: window.__evalRan, inlineRan: window.__inline === true, fetched };
})()`;
/** A script beside the page that tries eval: under the popover's CSP it must throw. */
const PROBE = 'window.__evalRan = (() => { try { return eval("1") === 1; } catch { return false; } })();';
const probeDir = mkdtempSync(join(tmpdir(), 'ocf-popover-probe-'));
writeFileSync(join(probeDir, 'probe.js'), PROBE);
const probeUrl = (pageUrl: string) =>
  pageUrl.startsWith('file:') ? pathToFileURL(join(probeDir, 'probe.js')).href : `${origin}/__probe.js`;

/** Opens the page with a stand-in bridge, recording every CSP violation and console error. */
async function openPopoverPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: POPOVER });
  await page.addInitScript({ content: RECORD_VIOLATIONS + standInBridge(FLEET) });
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('li[data-instance="luca"]').waitFor({ timeout: 10_000 });
  return { page, errors };
}

const violations = (page: Page) => page.evaluate<string[]>('window.__violations');

describe.each([
  [
    'file:// under its meta CSP (BrowserWindow.loadFile)',
    () => pathToFileURL(join(RENDERER, 'index.html')).href,
  ],
  ['with the session CSP header on top', () => `${origin}/`],
])('the built popover page, %s', (_title, url) => {
  it('renders the fleet, styled, with no CSP violation and no error', async () => {
    const { page, errors } = await openPopoverPage(url());
    // The stylesheet applied (style-src 'self'): the list is laid out by styles.css, not the UA.
    const display = await page.evaluate<string>("getComputedStyle(document.querySelector('.app')).display");
    expect(display).toBe('flex');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses eval, inline script and a network fetch', async () => {
    const { page } = await openPopoverPage(url());
    // page.evaluate runs through DevTools, which CSP does not govern, so eval is tried by a script the
    // page itself loads (allowed: 'self'); the inline script and the fetch are the page's own too.
    await page.addScriptTag({ url: probeUrl(url()) });
    const refused = await page.evaluate(TRY_INLINE_AND_FETCH);
    expect(refused).toEqual({ evalRan: false, inlineRan: false, fetched: false });
    const seen = await violations(page);
    expect(seen.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it("answers the macOS smoke test's isolation probe as the popover must", async () => {
    const { page } = await openPopoverPage(url());
    const probe = await page.evaluate<IsolationProbe>(ISOLATION_PROBE);
    expect(probe).toEqual({
      bridge: [...Object.keys(INVOKE_CHANNELS), 'subscribe'].sort(),
      require: 'undefined',
      process: 'undefined',
      inlineBlocked: true,
    });
    await page.close();
  });
});
