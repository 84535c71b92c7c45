// The popover in light and dark, at its menu-bar size and 2x, over a live fleet in four states:
// healthy, crash loop, degraded (its token no longer matches the running gateway) and stopped.
// Always written to test-results/screenshots/; copied over assets/screenshot-{light,dark}.png (the
// README's pictures) only with UPDATE_SCREENSHOTS=1, so a run never dirties the checkout and CI
// never compares pixels that hold clock times and pids.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installInstance } from '../helpers/fleet-fixture.ts';
import { freePort, newToken, waitForReadyz } from '../helpers/stub-gateway.ts';
import {
  openDashboard,
  pollRow,
  POPOVER,
  readRow,
  startHarness,
  type Harness,
  type RowText,
} from './dashboard-kit.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'test-results/screenshots');
const ASSETS = join(ROOT, 'assets');
const SCALE = 2;

/** Each row as the picture should catch it. */
const STATES: Record<string, (r: RowText) => boolean> = {
  atlas: (r) => r.health === 'Healthy',
  // Between two respawns, when the row quotes the gateway's last words.
  critic: (r) => r.health === 'Crash loop' && r.pid === 'no pid' && r.summary.includes('Uncaught exception'),
  mia: (r) => r.health === 'Degraded',
  scout: (r) => r.health === 'Stopped',
};

let harness: Harness | undefined;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  harness = await startHarness({
    timeScale: 0.2,
    setup: async (env) => {
      await installInstance(env, 'atlas', await freePort());
      await installInstance(env, 'critic', await freePort(), { knobs: { exitAfterMs: 700, exitCode: 78 } });
      const mia = await installInstance(env, 'mia', await freePort());
      await installInstance(env, 'scout', await freePort(), { load: false });
      // mia's gateway runs with the token it started with; openclaw.json now says another one.
      await waitForReadyz(mia.port);
      const path = join(mia.stateDir, 'openclaw.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace(mia.token, newToken()), { mode: 0o600 });
    },
  });
});

afterAll(() => harness?.close());

async function popover(colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await harness!.context({ colorScheme, deviceScaleFactor: SCALE });
  const page = await openDashboard(context, harness!.dashboard);
  for (const [name, caught] of Object.entries(STATES)) await pollRow(page, name, caught, 15_000);
  return page;
}

/** Width and height from a PNG's IHDR. */
function pngSize(file: string): [number, number] {
  const data = readFileSync(file);
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe.each(['light', 'dark'] as const)('the popover screenshot, %s', (scheme) => {
  it(`shows a healthy, a crash-looping, a degraded and a stopped instance`, async () => {
    const page = await popover(scheme);
    expect((await readRow(page, 'critic')).summary).toMatch(/^exit 78: \[openclaw\] Uncaught exception/);
    expect((await readRow(page, 'mia')).summary).toContain('AUTH_TOKEN_MISMATCH');
    // Nothing overflows the popover sideways, and nothing in a row is cut off.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(POPOVER.width);
    expect(await page.evaluate(CLIPPED)).toEqual([]);

    const file = join(OUT, `popover-${scheme}.png`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    expect(pngSize(file)).toEqual([POPOVER.width * SCALE, POPOVER.height * SCALE]);
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(ASSETS, `screenshot-${scheme}.png`));
  });
});

/** Single-line texts of the list view wider than their box (clipped or ellipsized), by class. */
const CLIPPED = `[...document.querySelectorAll('.fleet-header *, .row-line > *, .view-nav button')]
  .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
  .map((el) => el.className + ': ' + el.textContent)`;
