// Quitting the app must leave every gateway running: launchd owns them, the app only watches.
// The whole app boots on the Electron fakes against a real fleet (launchd simulator + stub
// gateways); every launchd call the app makes is recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootMenuBarApp } from '../../../src-main/app/boot-app.ts';
import type { FleetContext } from '../../../src-main/fleet/fleet-context.ts';
import { createFleetHost } from '../../../src-main/host/fleet-host.ts';
import type { LaunchdPort } from '../../../src-main/ports/launchd.ts';
import type { FleetView } from '../../../src-main/shared/fleet-contract.ts';
import { pidAlive, printJob } from '../../e2e-cli/control-kit.ts';
import { createFakeElectron } from '../../fakes/electron.ts';
import { createFleetEnv, type FleetEnv } from '../../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../../helpers/fleet-fixture.ts';
import { contextFor } from '../../helpers/monitor-kit.ts';
import { freePort, getProbe } from '../../helpers/stub-gateway.ts';

let env: FleetEnv;
let luca: InstalledInstance;
let userData: string;

beforeAll(async () => {
  env = createFleetEnv();
  userData = mkdtempSync(join(tmpdir(), 'ocf-app-ud-'));
  luca = await installInstance(env, 'luca', await freePort());
  await eventually(
    () => getProbe(luca.port, '/healthz'),
    (r) => r?.status === 200,
  );
});
afterAll(async () => {
  await env.cleanup();
  rmSync(userData, { recursive: true, force: true });
});

function recording(ctx: FleetContext, calls: string[]): FleetContext {
  const launchd = new Proxy(ctx.launchd, {
    get(target, key: keyof LaunchdPort) {
      const value = target[key];
      return typeof value === 'function'
        ? (...args: unknown[]) => (
            calls.push(String(key)),
            (value as (...a: unknown[]) => unknown).apply(target, args)
          )
        : value;
    },
  });
  return { ...ctx, launchd };
}

describe('quitting the app', () => {
  it('stops watching and leaves the gateway running, untouched', async () => {
    const before = (await printJob(env, luca.label))!;
    expect(before.state).toBe('running');
    const calls: string[] = [];
    const fake = createFakeElectron({ userData, appPath: userData });
    const app = await bootMenuBarApp(fake.electron, {
      platform: 'darwin',
      env: {},
      home: env.home,
      log: () => {},
      createHost: (settings) =>
        createFleetHost(recording(contextFor(env), calls), {
          runtime: async () => ({ nodePath: env.node, entryPath: env.entry }),
          settings: { intervalMs: settings.intervalMs, probeTimeoutMs: 500 },
        }),
    });
    expect(app).not.toBeNull();
    const popover = fake.windows[0]!.webContents;
    await vi.waitFor(
      () => {
        const snapshots = popover.sentOn('fleet:snapshot') as FleetView[];
        expect(snapshots.at(-1)?.instances.map((i) => [i.name, i.health])).toEqual([['luca', 'healthy']]);
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(fake.trays[0]!.image).toMatch(/tray-healthyTemplate\.png$/);

    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true), { timeout: 10_000 });

    // Only reads: the app never unloads, disables, restarts or kickstarts on the way out.
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !['fleetStatus', 'status', 'disabledOverrides'].includes(c))).toEqual([]);
    const after = (await printJob(env, luca.label))!;
    expect(after).toMatchObject({ state: 'running', pid: before.pid, runs: before.runs });
    expect(pidAlive(before.pid!)).toBe(true);
    expect((await getProbe(luca.port, '/healthz'))?.status).toBe(200);
    // And nothing keeps checking after the quit.
    const seen = calls.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls.length).toBe(seen);
  });
});
