import { describe, expect, it } from 'vitest';
import type { Transition } from '../../../src-main/core/monitor/monitor-types.ts';
import type { Clock } from '../../../src-main/fleet/fleet-context.ts';
import { sleep } from '../../e2e-cli/control-kit.ts';
import { eventually, installInstance, type InstalledInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { logLineTime, waitForHealth, watchFleet, type WatchedFleet } from '../../helpers/monitor-kit.ts';
import { freePort, waitForReadyz } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

/** Watches the fleet counting every /healthz probe per port, through the monitor's own context. */
function watchCountingProbes(options: Parameters<typeof watchFleet>[1] = {}) {
  const probes = new Map<number, number>();
  const watched = fleet.watch({
    ...options,
    wrap: (ctx) => ({
      ...ctx,
      probeHealthz: (port, timeoutMs) => {
        probes.set(port, (probes.get(port) ?? 0) + 1);
        return ctx.probeHealthz(port, timeoutMs);
      },
    }),
  });
  const total = () => [...probes.values()].reduce((a, b) => a + b, 0);
  return { watched, probes, total };
}

async function heldAndHealthy(w: WatchedFleet, names: string[]): Promise<void> {
  const all = await eventually(
    async () => (await w.monitor.checkNow(), w.monitor.snapshot().instances),
    (list) =>
      list.length === names.length && list.every((i) => i.health === 'healthy' && i.layers.auth === 'ok'),
  );
  expect(all.map((i) => [i.name, i.health, i.layers.auth])).toEqual(names.map((n) => [n, 'healthy', 'ok']));
}

describe('monitor: /healthz of an instance whose held connection is open', () => {
  it('is probed once a period, spread, and at once when its pid changes', async () => {
    const names = ['ana', 'ben', 'cleo'];
    const instances: InstalledInstance[] = [];
    for (const name of names) instances.push(await installInstance(fleet.env, name, await freePort()));
    // Past their startup window: a refused first dial is re-dialled only once the clock moves.
    await Promise.all(instances.map((i) => waitForReadyz(i.port)));
    // The monitor's time stands still unless the test moves it: which period a check falls in is
    // the test's choice, not the machine's speed.
    let now = Date.now();
    const clock: Clock = { now: () => now, sleep: async (ms) => void (await sleep(ms)) };
    const period = 12_000;
    const {
      watched: w,
      probes,
      total,
    } = watchCountingProbes({
      clock,
      settings: { intervalMs: 60_000, heldHealthzIntervalMs: period },
    });
    w.monitor.start();
    await heldAndHealthy(w, names);

    const before = total();
    const checks = w.monitor.stats().checks;
    for (let i = 0; i < 6; i++) await w.monitor.checkNow();
    expect(w.monitor.stats().checks - checks).toBeGreaterThanOrEqual(6);
    // Before this change, every check probed every serving instance: 18 probes here.
    expect(total() - before).toBe(0);
    expect(w.monitor.snapshot().instances.map((i) => [i.health, i.layers.healthz])).toEqual(
      names.map(() => ['healthy', 'ok']),
    );

    // One period later each instance is due once, whichever check it falls on.
    const counts = () => instances.map((i) => probes.get(i.port) ?? 0);
    const atPeriodStart = counts();
    now += period;
    for (let i = 0; i < 4; i++) await w.monitor.checkNow();
    expect(counts().map((c, i) => c - atPeriodStart[i]!)).toEqual([1, 1, 1]);

    // A new pid is probed at the first check that sees it; the others are not.
    const ben = instances[1]!;
    const oldPid = w.monitor.snapshot().instances[1]!.pid;
    const beforeKick = counts();
    expect(
      (await fleet.env.sim.run(['kickstart', '-k', `${fleet.env.sim.domain}/${ben.label}`])).exitCode,
    ).toBe(0);
    await eventually(
      async () => (await w.monitor.checkNow(), w.monitor.snapshot().instances[1]!),
      (i) => i.pid !== null && i.pid !== oldPid && i.layers.port === 'ok',
    );
    const after = counts();
    expect(after[1]! - beforeKick[1]!).toBeGreaterThanOrEqual(1);
    expect([after[0]! - beforeKick[0]!, after[2]! - beforeKick[2]!]).toEqual([0, 0]);
  });

  it('still turns degraded when the gateway hangs, within one period, a check and the probe deadline', async () => {
    const freezeAfterMs = 6000;
    const luca = await installInstance(fleet.env, 'luca', await freePort(), {
      knobs: { freezeAfterMs, freezeForMs: 30_000 },
    });
    const settings = {
      intervalMs: 500,
      probeTimeoutMs: 500,
      heldHealthzIntervalMs: 3000,
      startingGraceMs: 1000,
    };
    const { watched: w, total } = watchCountingProbes({ settings });
    const transitions: Transition[] = [];
    w.monitor.onTransition((_, t) => transitions.push(t));
    w.monitor.start();
    await waitForHealth(w, 'luca', 'healthy');
    await eventually(
      async () => w.monitor.snapshot().instances[0]?.layers.auth,
      (auth) => auth === 'ok',
    );
    const probesAtHeld = total();
    const checksAtHeld = w.monitor.stats().checks;

    const degraded = await waitForHealth(w, 'luca', 'degraded', freezeAfterMs + 10_000);
    expect(degraded.reason).toBe('/healthz did not answer within 500 ms');
    const frozenAt = logLineTime(luca.logPath, /freezeAfterMs=/);
    const seenAt = transitions.find((t) => t.to === 'degraded' && t.reason === degraded.reason)!.at;
    // Checks while held and steady skipped most probes (one per 3 s, against one per 0.5 s check)...
    const steadyChecks = w.monitor.stats().checks - checksAtHeld;
    expect(steadyChecks).toBeGreaterThanOrEqual(6);
    expect(total() - probesAtHeld).toBeLessThan(steadyChecks / 2);
    // ...and the hang was still seen by the next routine probe: a bound, not a speed measurement.
    const bound = settings.heldHealthzIntervalMs + settings.intervalMs + settings.probeTimeoutMs;
    expect(seenAt - frozenAt).toBeGreaterThanOrEqual(0);
    expect(seenAt - frozenAt).toBeLessThanOrEqual(bound + 1500);
    expect(w.events.filter((e) => e.type === 'exited')).toEqual([]);
    console.info(`hung gateway seen ${seenAt - frozenAt} ms after it froze (bound ${bound} ms + slack)`);
  });
});
