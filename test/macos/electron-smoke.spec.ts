// Smoke test of the packaged-shape app in real Electron, on macOS only: a stub gateway is added
// with the CLI under a unique name (temp container and LaunchAgents dir, the real launchd), the
// app is launched on them, the popover is opened from the main process, the instance is listed,
// and it is restarted with its row's button. Needs `npm run build:app` and
// `npm run build:renderer` first. Cleans up in afterAll whatever happened.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseServicePrint } from '../../src-main/core/launchctl-parse-print-service.ts';
import { ISOLATION_PROBE, type IsolationProbe } from '../helpers/popover-probes.ts';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

test.skip(
  process.platform !== 'darwin',
  'Electron and launchd exist only on the macOS CI; Linux runs the fakes',
);

const name = `smoke-${randomBytes(3).toString('hex')}`;
const label = `ai.openclaw.${name}`;
let base = '';
let fleetEnv: Record<string, string> = {};
let app: ElectronApplication | undefined;

const fleetCli = (args: string[]) =>
  run(process.execPath, [join(ROOT, 'src-main/cli/main.ts'), ...args], {
    env: { ...process.env, ...fleetEnv },
  });

test.beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'ocf-smoke-'));
  fleetEnv = {
    OPENCLAW_FLEET_ROOT: join(base, 'openclaw'),
    OPENCLAW_FLEET_AGENTS_DIR: join(base, 'LaunchAgents'),
    OPENCLAW_FLEET_APP_USER_DATA: join(base, 'profile'),
  };
  mkdirSync(fleetEnv.OPENCLAW_FLEET_ROOT!, { mode: 0o700 });
  mkdirSync(fleetEnv.OPENCLAW_FLEET_AGENTS_DIR!, { mode: 0o700 });
  await fleetCli([
    'add',
    name,
    '--node',
    process.execPath,
    '--entry',
    join(ROOT, 'test/stub-gateway/openclaw.mjs'),
  ]);
});

test.afterAll(async () => {
  await app?.close().catch(() => undefined);
  await run('/bin/launchctl', ['bootout', `gui/${process.getuid?.() ?? 501}/${label}`]).catch(
    () => undefined,
  );
  if (base !== '') rmSync(base, { recursive: true, force: true });
});

test('opens the popover, lists the instance, restarts it, and quits leaving it running', async () => {
  app = await electron.launch({
    args: [ROOT],
    env: { ...process.env, ...fleetEnv } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');

  // The popover opens the way a second launch opens it (the tray icon cannot be clicked from here).
  await app.evaluate(({ app: electronApp }) => void electronApp.emit('second-instance'));
  await expect
    .poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()))
    .toBe(true);
  await expect(page.getByText(name).first()).toBeVisible({ timeout: 30_000 });

  // The page sees the bridge and nothing of Node; the CSP refuses an inline script. (Not eval from
  // here: page.evaluate runs through DevTools, which CSP does not govern; test/e2e/popover-page.e2e.ts
  // proves eval is refused by the same page under the same policies.)
  const probe = await page.evaluate<IsolationProbe>(ISOLATION_PROBE);
  expect(probe).toMatchObject({ require: 'undefined', process: 'undefined', inlineBlocked: true });
  expect(probe.bridge).toContain('restart');
  expect(probe.bridge).toContain('subscribe');

  // Restart the way a person does: the row's Restart button, then the verified outcome in the row.
  const row = page.locator(`li[data-instance="${name}"]`);
  const pidBefore = await launchdPid();
  expect(pidBefore).not.toBeNull();
  await row.getByRole('button', { name: `Restart ${name}` }).click();
  await expect(row).toContainText(
    new RegExp(`restarted ${label.replace(/\./g, '\\.')}: pid ${pidBefore} -> \\d+`),
    {
      timeout: 60_000,
    },
  );
  expect(await launchdPid()).not.toBe(pidBefore);

  // Quitting lets go of the fleet without touching it: launchd still runs the gateway.
  const pidAtQuit = await launchdPid();
  await app.close();
  app = undefined;
  expect(await launchdPid()).toBe(pidAtQuit);
});

async function launchdPid(): Promise<number | null> {
  const { stdout } = await run('/bin/launchctl', ['print', `gui/${process.getuid?.() ?? 501}/${label}`]);
  return parseServicePrint(stdout).pid;
}
