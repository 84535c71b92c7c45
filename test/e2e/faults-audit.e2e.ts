// What goes wrong, as the dashboard shows it: a gateway in a crash loop says why in its row, and
// the audit view names a port two instances share, with its fix.
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { freePort } from '../helpers/stub-gateway.ts';
import { openDashboard, pollRow, row, rowToggle, startHarness, type Harness } from './dashboard-kit.ts';

let harness: Harness | undefined;
let page: Page;
let luca: InstalledInstance;

const UNCAUGHT = '[openclaw] Uncaught exception: Error: stub-gateway fault: exitAfterMs=700 exitCode=78';

beforeAll(async () => {
  harness = await startHarness({
    // ThrottleInterval 10 s runs as 2 s: the gateway lives 0.7 s, then waits for its respawn.
    timeScale: 0.2,
    setup: async (env) => {
      luca = await installInstance(env, 'luca', await freePort());
      await installInstance(env, 'critic', await freePort(), { knobs: { exitAfterMs: 700, exitCode: 78 } });
    },
  });
  page = await openDashboard(await harness.context(), harness.dashboard);
});

afterAll(() => harness?.close());

describe('the dashboard shows faults', () => {
  it('a crash loop: the row says crash loop, with the exit code and the gateway’s last error line', async () => {
    const looping = await pollRow(page, 'critic', (r) => r.health === 'Crash loop', 15_000);
    expect(looping.summary).toMatch(/exit 78|code 78/);
    expect(looping.summary).toContain(UNCAUGHT);
    expect((await pollRow(page, 'luca', (r) => r.health === 'Healthy')).summary).not.toContain('78');

    // Open the row: the crash the monitor kept, with the same line and the log lines before it.
    await rowToggle(page, 'critic').click();
    const crash = row(page, 'critic').getByRole('region', { name: 'Last crash' });
    await crash.waitFor();
    expect(await crash.locator('.crash-head').textContent()).toMatch(/^Last crash: exit 78 at /);
    const lastError = await crash.locator('.crash-error').textContent();
    expect(lastError).toMatch(/^Last error: \S+ \[openclaw\] Uncaught exception/);
    expect(lastError).toContain(UNCAUGHT);
    expect(await crash.locator('pre').textContent()).toContain('[gateway] loading configuration…');
    await page.keyboard.press('Escape');
    await expect.poll(() => row(page, 'critic').locator('.details').count(), { timeout: 5000 }).toBe(0);
  });

  it('an audit finding: a second instance on the same port is a duplicate-port error, with its fix', async () => {
    await installInstance(harness!.dashboard.env, 'dup', luca.port, { load: false });
    await pollRow(page, 'dup', (r) => r.health === 'Stopped');

    await page.getByRole('button', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    const summary = page.locator('.summary-line');
    await expect
      .poll(() => summary.textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ errors?, \d+ warnings?$/);

    const fleetWide = page.getByRole('region', { name: 'Fleet-wide' });
    const finding = fleetWide.locator('li.finding', { hasText: 'duplicate-port' });
    expect(await finding.count()).toBe(1);
    expect(await finding.getByRole('img').getAttribute('aria-label')).toBe('Error');
    expect(await finding.locator('p').nth(1).textContent()).toBe(
      `instances dup, luca all use port ${luca.port}: managed gateways on one port kill each other in a loop`,
    );
    expect(await finding.locator('.finding-fix').textContent()).toBe(
      'Fix: give all but one a free port: openclaw-fleet remove <name>, then openclaw-fleet add <name> (it picks a free port)',
    );
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('list', { name: 'Instances' }).waitFor();
  });
});
