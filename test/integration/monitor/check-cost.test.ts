import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createLaunchctlAdapter, type LaunchctlAdapter } from '../../../src-main/platform/launchctl.ts';
import { sleep } from '../../e2e-cli/control-kit.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { simulatorEnv } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();
const realSpawn = childProcess.spawn;
afterEach(() => {
  childProcess.spawn = realSpawn;
  syncBuiltinESMExports();
});

/** Counts every subprocess this test process starts (execa and the rest use child_process.spawn). */
function countSpawns(): () => number {
  let spawns = 0;
  childProcess.spawn = ((...args: Parameters<typeof realSpawn>) => {
    spawns++;
    return realSpawn(...args);
  }) as typeof realSpawn;
  syncBuiltinESMExports();
  return () => spawns;
}

describe('monitor: the cost of a check', () => {
  it('is two subprocesses for a healthy fleet of four: one launchctl print of the domain, one lsof', async () => {
    const names = ['ana', 'ben', 'cleo', 'dora'];
    for (const name of names) await installInstance(fleet.env, name, await freePort());
    let adapter: LaunchctlAdapter | null = null;
    let lsofCalls = 0;
    const watched = fleet.watch({
      // Checks run when this test asks (and when a held connection changes), not on a timer.
      settings: { intervalMs: 60_000 },
      wrap: (ctx) => {
        adapter = createLaunchctlAdapter({
          launchctlPath: fleet.env.sim.launchctlPath,
          env: simulatorEnv(fleet.env),
          uid: ctx.uid,
        });
        return {
          ...ctx,
          launchd: adapter,
          scanListeners: () => {
            lsofCalls++;
            return ctx.scanListeners();
          },
        };
      },
    });
    const monitor = watched.monitor;
    monitor.start();
    const healthy = await eventually(
      async () => (await monitor.checkNow(), monitor.snapshot().instances),
      (all) => all.length === names.length && all.every((i) => i.health === 'healthy'),
    );
    expect(healthy.map((i) => i.health)).toEqual(names.map(() => 'healthy'));
    // Let the held connections open (each change checks once more), then measure quiet checks.
    await sleep(500);
    await monitor.checkNow();

    const spawns = countSpawns();
    const before = { checks: monitor.stats().checks, launchctl: adapter!.callCount(), lsof: lsofCalls };
    for (let i = 0; i < 5; i++) await monitor.checkNow();
    const checks = monitor.stats().checks - before.checks;
    expect(checks).toBeGreaterThanOrEqual(5);
    expect(adapter!.callCount() - before.launchctl).toBe(checks);
    expect(lsofCalls - before.lsof).toBe(checks);
    expect(spawns()).toBe(2 * checks);
    expect(monitor.snapshot().instances.every((i) => i.health === 'healthy')).toBe(true);
    console.info(
      `cost: ${checks} checks of ${names.length} healthy instances, ${spawns()} subprocesses, last check ${Math.round(monitor.stats().lastCheckMs!)} ms`,
    );
  });
});
