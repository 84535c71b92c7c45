// The browser tier's kit: Debian's Chromium driven by Playwright's library API, the real web host
// of `serve` wired to the real core on a private launchd simulator with stub gateways (no fake
// bridge anywhere), and row readers that look at the page the way a user does.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { MonitorSettings } from '../../src-main/core/monitor/monitor-types.ts';
import { serveFleet, type ServedFleet } from '../../src-main/web/serve-fleet.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { contextFor } from '../helpers/monitor-kit.ts';

/** Debian's package; another Chromium can be named with OCF_E2E_CHROMIUM. Never a downloaded one. */
export const CHROMIUM_PATH = process.env.OCF_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The popover's size in the menu-bar app. */
export const POPOVER = { width: 360, height: 480 };

/** Headless, with a fresh temporary profile that Playwright removes on close. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: apt-get install chromium (.ci/run does), or set OCF_E2E_CHROMIUM`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export interface Dashboard {
  env: FleetEnv;
  served: ServedFleet;
  /** The URL `serve` prints, with its token. */
  url: string;
  /** The web host's origin, without a token. */
  origin: string;
}

/** Fast checks, so the page follows the fleet within a second; everything else as `serve` runs it. */
const E2E_MONITOR: Partial<MonitorSettings> = { intervalMs: 500 };

/**
 * A fleet on its own simulator (`setup` installs its instances), served as `openclaw-fleet serve`
 * serves it: the renderer from out/renderer, the stub entry and this Node 24 as the runtime of
 * new instances. Resolves once the monitor has looked at the fleet once.
 */
export async function startDashboard(
  options: {
    timeScale?: number;
    settings?: Partial<MonitorSettings>;
    setup?: (env: FleetEnv) => Promise<void>;
  } = {},
): Promise<Dashboard> {
  const env = createFleetEnv({ timeScale: options.timeScale ?? 0.05 });
  let served: ServedFleet | undefined;
  try {
    await options.setup?.(env);
    served = await serveFleet(contextFor(env), {
      port: 0,
      runtime: async () => ({ nodePath: env.node, entryPath: env.entry }),
      settings: { ...E2E_MONITOR, ...options.settings },
    });
    await served.monitorReady;
  } catch (error) {
    await served?.stop().catch(() => {});
    await env.cleanup();
    throw error;
  }
  return { env, served, url: served.web.url, origin: `http://127.0.0.1:${served.web.port}` };
}

/** Runs every teardown step even when one fails (browser, web host + monitor, simulator + gateways). */
export async function closeAll(...steps: (() => Promise<unknown> | undefined)[]): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}

export async function stopDashboard(dashboard: Dashboard | undefined): Promise<void> {
  if (dashboard === undefined) return;
  await closeAll(
    () => dashboard.served.stop(),
    () => dashboard.env.cleanup(),
  );
}

/** A browser and a served fleet for one test file; `close` ends both, and every context opened. */
export interface Harness {
  browser: Browser;
  dashboard: Dashboard;
  context(options?: Parameters<typeof popoverContext>[1]): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startHarness(options: Parameters<typeof startDashboard>[0] = {}): Promise<Harness> {
  // Both at once (Chromium starts while the gateways do); whichever started is stopped if the other failed.
  const [launched, started] = await Promise.allSettled([launchChromium(), startDashboard(options)]);
  if (launched.status === 'rejected' || started.status === 'rejected') {
    await closeAll(
      async () => launched.status === 'fulfilled' && launched.value.close(),
      async () => started.status === 'fulfilled' && stopDashboard(started.value),
    );
    throw launched.status === 'rejected' ? launched.reason : (started as PromiseRejectedResult).reason;
  }
  const browser = launched.value;
  const dashboard = started.value;
  const contexts: BrowserContext[] = [];
  return {
    browser,
    dashboard,
    async context(contextOptions) {
      const context = await popoverContext(browser, contextOptions);
      contexts.push(context);
      return context;
    },
    close: () =>
      closeAll(
        ...contexts.map((c) => () => c.close()),
        () => browser.close(),
        () => stopDashboard(dashboard),
      ),
  };
}

export async function popoverContext(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark'; deviceScaleFactor?: number } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: POPOVER,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    locale: 'en-US',
  });
  // Well inside the test timeout, so a missing element fails with Playwright's own message.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Opens the dashboard at the URL `serve` printed and waits until the fleet is on screen. */
export async function openDashboard(context: BrowserContext, dashboard: Dashboard): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(dashboard.url);
  if (response?.status() !== 200) throw new Error(`the dashboard answered ${response?.status()}`);
  await page.getByRole('list', { name: 'Instances' }).waitFor();
  return page;
}

export function row(page: Page, name: string): Locator {
  return page.locator(`li[data-instance="${name}"]`);
}

/** The row's own button (its name): click or Enter opens the row's details. */
export function rowToggle(page: Page, name: string): Locator {
  return row(page, name).locator('[data-row-toggle]');
}

export interface RowText {
  /** The state glyph's accessible name: Healthy, Crash loop, Stopped... */
  health: string | null;
  name: string;
  port: string;
  pid: string;
  /** The reason and facts line under the row. */
  summary: string;
  /** The row's live region: spinner text or the verified outcome. */
  status: string;
}

/** What a user reads in one row (null health: the row is not on screen). */
export async function readRow(page: Page, name: string): Promise<RowText> {
  const r = row(page, name);
  if ((await r.count()) === 0) return { health: null, name: '', port: '', pid: '', summary: '', status: '' };
  const text = async (selector: string) => (await r.locator(selector).first().textContent()) ?? '';
  return {
    health: await r.locator('.row-line [role="img"]').getAttribute('aria-label'),
    name: await text('.row-name'),
    port: await text('.row-port'),
    pid: await text('.row-pid'),
    summary: await text('.row-summary'),
    status: await text('.task-status'),
  };
}

/** Polls a row until `done` holds; fails with what the row last said. */
export async function pollRow(
  page: Page,
  name: string,
  done: (r: RowText) => boolean,
  timeoutMs = 10_000,
): Promise<RowText> {
  const deadline = Date.now() + timeoutMs;
  let last = await readRow(page, name);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`row ${name} after ${timeoutMs} ms: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await readRow(page, name);
  }
  return last;
}

/** The pid a row shows, as a number. */
export function pidOf(text: RowText): number | null {
  const match = /^pid (\d+)$/.exec(text.pid);
  return match ? Number(match[1]) : null;
}

/** Which row holds the keyboard focus (its data-instance), or null. */
export function focusedRow(page: Page): Promise<string | null> {
  return page.evaluate(
    "document.activeElement?.closest('[data-instance]')?.getAttribute('data-instance') ?? null",
  ) as Promise<string | null>;
}
