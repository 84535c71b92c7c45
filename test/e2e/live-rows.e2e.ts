// The list view against a live fleet: rows follow launchd and the gateways, Restart works by
// click and by keyboard, and a gateway killed with SIGKILL shows up as an event and recovers.
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJob } from '../e2e-cli/control-kit.ts';
import { installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { freePort, setKnobs } from '../helpers/stub-gateway.ts';
import {
  focusedRow,
  openDashboard,
  pidOf,
  pollRow,
  readRow,
  row,
  startHarness,
  type Dashboard,
  type Harness,
} from './dashboard-kit.ts';

let harness: Harness | undefined;
let dashboard: Dashboard;
let page: Page;
const fleet: Record<string, InstalledInstance> = {};

beforeAll(async () => {
  harness = await startHarness({
    // ThrottleInterval 10 s runs as 2 s: a respawn after a short life waits, as launchd's does.
    timeScale: 0.2,
    setup: async (env) => {
      for (const name of ['luca', 'nova', 'rex'])
        fleet[name] = await installInstance(env, name, await freePort());
      fleet.scout = await installInstance(env, 'scout', await freePort(), { load: false });
    },
  });
  dashboard = harness.dashboard;
  page = await openDashboard(await harness.context(), dashboard);
});

afterAll(() => harness?.close());

/** launchd's pid for an instance, from the simulator: what the page must agree with. */
async function launchdPid(name: string): Promise<number | null> {
  return (await printJob(dashboard.env, fleet[name]!.label))?.pid ?? null;
}

describe('the dashboard list, live', () => {
  it('shows each instance with its port, its pid from launchd and its health; a stopped one as stopped', async () => {
    for (const name of ['luca', 'nova', 'rex']) {
      const shown = await pollRow(page, name, (r) => r.health === 'Healthy');
      expect(shown.name).toBe(name);
      expect(shown.port).toBe(`port :${fleet[name]!.port}`);
      expect(pidOf(shown)).toBe(await launchdPid(name));
      // A pid that was running before the monitor's first look has no known age yet.
      expect(shown.summary).toMatch(/^(Up \d+s)?$/);
    }
    const scout = await readRow(page, 'scout');
    expect(scout).toMatchObject({
      health: 'Stopped',
      name: 'scout',
      port: `port :${fleet.scout!.port}`,
      pid: 'no pid',
      summary: 'not loaded in launchd',
    });
    const counts = await page.locator('.fleet-count').allTextContents();
    expect(counts).toEqual(['○ 1 stopped', '● 3 healthy']);
    expect(await page.locator('.fleet-checked').textContent()).toMatch(/^Checked \d\d:\d\d:\d\d/);
  });

  it('restarts an instance with one click: a new pid, the verified outcome, healthy again', async () => {
    const before = pidOf(await readRow(page, 'luca'));
    expect(before).not.toBeNull();
    await row(page, 'luca').getByRole('button', { name: 'Restart luca' }).click();

    const done = await pollRow(page, 'luca', (r) => /restarted/.test(r.status));
    expect(done.status).toMatch(
      new RegExp(`^✓ restarted ai\\.openclaw\\.luca: pid ${before} -> \\d+, serving after [\\d.]+ ?m?s`),
    );
    const after = await pollRow(page, 'luca', (r) => r.health === 'Healthy' && pidOf(r) !== before);
    expect(pidOf(after)).toBe(await launchdPid('luca'));
    expect(done.status).toContain(`-> ${pidOf(after)}`);
  });

  it('restarts the focused row from the keyboard alone: Tab, arrows, r', async () => {
    await page.reload();
    await page.getByRole('list', { name: 'Instances' }).waitFor();
    const before = pidOf(await pollRow(page, 'nova', (r) => r.health === 'Healthy'));

    await page.keyboard.press('Tab');
    expect(await focusedRow(page)).toBe('luca');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow(page)).toBe('nova');
    await page.keyboard.press('r');

    const done = await pollRow(page, 'nova', (r) => /restarted/.test(r.status));
    expect(done.status).toMatch(new RegExp(`^✓ restarted ai\\.openclaw\\.nova: pid ${before} -> \\d+`));
    const after = await pollRow(page, 'nova', (r) => r.health === 'Healthy' && pidOf(r) !== before);
    expect(pidOf(after)).toBe(await launchdPid('nova'));
    // The restart left the focus where it was, and the other rows alone.
    expect(await focusedRow(page)).toBe('nova');
    for (const other of ['luca', 'rex', 'scout']) expect((await readRow(page, other)).status).toBe('');
  });

  it('shows a gateway killed with SIGKILL: the row changes, the exited event, then recovery', async () => {
    const killed = pidOf(await pollRow(page, 'rex', (r) => r.health === 'Healthy'));
    expect(killed).not.toBeNull();
    // The respawn holds its port back for 1.5 s, so the row has time to show it is not serving.
    setKnobs(fleet.rex!.stateDir, { startDelayMs: 1500 });
    process.kill(killed!, 'SIGKILL');

    const hurt = await pollRow(page, 'rex', (r) => r.health !== 'Healthy');
    // Down or degraded while launchd still reports the dead pid, then starting with the new one.
    expect(hurt.health).toMatch(/^(Starting|Degraded|Down)$/);
    expect(hurt.summary).toMatch(/port \d+ is not listening|not running|killed by signal 9|healthz/);
    const back = await pollRow(page, 'rex', (r) => r.health === 'Healthy' && pidOf(r) !== killed, 15_000);
    expect(pidOf(back)).toBe(await launchdPid('rex'));
    expect(back.summary).toMatch(/1 restart in the last hour/);
    setKnobs(fleet.rex!.stateDir, {});

    await page.getByRole('button', { name: 'Events' }).click();
    const events = page.getByRole('list', { name: 'Recent events' });
    const exited = events.locator('li', { hasText: `rex (pid ${killed}) was killed by signal 9` });
    await exited.waitFor();
    expect(await exited.getByRole('img').getAttribute('aria-label')).toBe('Exited');
    const recovered = events.locator('li', { hasText: 'rex is healthy again' });
    await recovered.waitFor();
    expect(await recovered.getByRole('img').getAttribute('aria-label')).toBe('Recovered');
    await page.keyboard.press('Escape');
    await page.getByRole('list', { name: 'Instances' }).waitFor();
  });
});
