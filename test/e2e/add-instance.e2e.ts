// The Add form against the real `add`: the host suggests a port, the form creates the instance
// (plist, state dir, config, loaded in launchd), and its row turns healthy. And the Settings view,
// which on the dashboard says where settings live.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJob } from '../e2e-cli/control-kit.ts';
import { installInstance } from '../helpers/fleet-fixture.ts';
import { freePort } from '../helpers/stub-gateway.ts';
import { openDashboard, pidOf, pollRow, startHarness, type Harness } from './dashboard-kit.ts';

let harness: Harness | undefined;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({
    setup: async (env) => void (await installInstance(env, 'luca', await freePort())),
  });
  page = await openDashboard(await harness.context(), harness.dashboard);
});

afterAll(() => harness?.close());

describe('the Add form', () => {
  it('creates an instance on the suggested port, loaded in launchd, whose row turns healthy', async () => {
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.getByRole('heading', { name: 'Add instance', level: 1 }).waitFor();
    const port = page.getByLabel('Port');
    await expect.poll(() => port.inputValue(), { timeout: 10_000 }).toMatch(/^\d{4,5}$/);
    const suggested = Number(await port.inputValue());

    // The name is checked as it is typed: a taken name is refused before the host is asked.
    const name = page.getByLabel('Name');
    await name.fill('luca');
    expect(await page.locator('#add-name-note').getAttribute('class')).toBe('field-error');
    await name.fill('nova');
    expect(await page.locator('#add-name-note').getAttribute('class')).toBe('field-hint');
    await page.getByRole('button', { name: 'Add instance' }).click();

    const outcome = page.locator('.outcome');
    await outcome.waitFor({ timeout: 20_000 });
    const message = (await outcome.locator('p').first().textContent()) ?? '';
    expect(message).toMatch(
      new RegExp(`^✓ added nova: ai\\.openclaw\\.nova on port ${suggested}, pid \\d+$`),
    );
    const env = harness!.dashboard.env;
    expect(existsSync(join(env.agentsDir, 'ai.openclaw.nova.plist'))).toBe(true);
    expect(existsSync(join(env.root, '.openclaw-nova', 'openclaw.json'))).toBe(true);

    await page.getByRole('button', { name: 'Show the fleet' }).click();
    const nova = await pollRow(page, 'nova', (r) => r.health === 'Healthy');
    expect(nova.port).toBe(`port :${suggested}`);
    expect(pidOf(nova)).toBe((await printJob(env, 'ai.openclaw.nova'))?.pid);
    expect(message).toContain(`pid ${pidOf(nova)}`);
  });
});

describe('the Settings view on the dashboard', () => {
  it('says settings belong to the menu-bar app and offers no form', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByText(/^Settings belong to the menu-bar app\./).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('list', { name: 'Instances' }).waitFor();
  });
});
