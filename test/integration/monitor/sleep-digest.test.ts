import { afterEach, describe, expect, it } from 'vitest';
import { realClock, type Clock, type FleetContext } from '../../../src-main/fleet/fleet-context.ts';
import { eventually, installInstance, type InstalledInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { waitForHealth, type WatchedFleet } from '../../helpers/monitor-kit.ts';
import { freePort, waitForReadyz } from '../../helpers/stub-gateway.ts';

const SLEEP_GAP_MS = 30_000;

const fleet = useMonitorFleet();
let wake: () => void = () => {};
// Runs before the monitor stops (registered after useMonitorFleet): a stop waits for a check
// frozen in its sleep.
afterEach(() => wake());

/**
 * A monitor whose clock can jump and whose process can be put to sleep: asleep, the calls chosen
 * by `frozen` do not run until `wakeUp()`, as in a suspended process, and the clock jumps past the
 * sleep gap on waking.
 */
function sleepyMonitor(frozen: (ctx: FleetContext, awake: () => Promise<void>) => Partial<FleetContext>) {
  let offset = 0;
  let asleep: Promise<void> | null = null;
  const clock: Clock = { now: () => realClock.now() + offset, sleep: realClock.sleep };
  const awake = () => asleep ?? Promise.resolve();
  const watched = fleet.watch({
    clock,
    notifications: { sleepGapMs: SLEEP_GAP_MS },
    wrap: (ctx) => ({ ...ctx, ...frozen(ctx, awake) }),
  });
  return {
    watched,
    fallAsleep: () => void (asleep = new Promise((resolve) => (wake = resolve))),
    wakeUp: () => {
      offset += 2 * SLEEP_GAP_MS;
      asleep = null;
      wake();
      return Date.now();
    },
  };
}

/** Kills the gateways and waits until launchd's respawns serve again. */
async function killAndRespawn(instances: Array<{ gateway: InstalledInstance; pid: number }>): Promise<void> {
  for (const { pid } of instances) process.kill(pid, 'SIGKILL');
  await Promise.all(instances.map(({ gateway }) => waitForReadyz(gateway.port)));
}

async function allBackWithNewPids(w: WatchedFleet, oldPids: number[]) {
  const back = await eventually(
    async () => w.monitor.snapshot().instances,
    (all) => all.every((i) => i.health === 'healthy' && !oldPids.includes(i.pid!)),
  );
  expect(back.map((i) => i.health)).toEqual(back.map(() => 'healthy'));
  // Later checks add nothing: the digest told the whole story.
  await new Promise((r) => setTimeout(r, 1000));
}

describe('monitor: what happened while the Mac slept', () => {
  it('comes as one digest after the clock jumps past the sleep gap, without per-instance banners', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    const mia = await installInstance(fleet.env, 'mia', await freePort());
    const {
      watched: w,
      fallAsleep,
      wakeUp,
    } = sleepyMonitor((ctx, awake) => ({
      launchd: {
        ...ctx.launchd,
        fleetStatus: () => awake().then(() => ctx.launchd.fleetStatus()),
        status: (label) => awake().then(() => ctx.launchd.status(label)),
      },
      scanListeners: () => awake().then(() => ctx.scanListeners()),
    }));
    w.monitor.start();
    const lucaPid = (await waitForHealth(w, 'luca', 'healthy')).pid!;
    const miaPid = (await waitForHealth(w, 'mia', 'healthy')).pid!;

    // Between two checks, so nothing is half read when the process is suspended.
    await w.monitor.checkNow();
    fallAsleep();
    await killAndRespawn([
      { gateway: luca, pid: lucaPid },
      { gateway: mia, pid: miaPid },
    ]);
    const wokeAt = wakeUp();
    await allBackWithNewPids(w, [lucaPid, miaPid]);

    expect(w.notifications.map((n) => n.kind)).toEqual(['digest']);
    const digest = w.notifications[0]!;
    expect(digest.title).toBe('While the Mac slept: 2 instance(s) changed');
    expect(digest.body.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^luca exited: luca \\(pid ${lucaPid}\\) was killed by signal 9`)),
      expect.stringMatching(/^luca recovered: luca is healthy again, as pid \d+$/),
      expect.stringMatching(new RegExp(`^mia exited: mia \\(pid ${miaPid}\\) was killed by signal 9`)),
      expect.stringMatching(/^mia recovered: mia is healthy again, as pid \d+$/),
    ]);
    expect(digest.events.map((e) => `${e.instance} ${e.type}`)).toEqual([
      'luca exited',
      'luca recovered',
      'mia exited',
      'mia recovered',
    ]);
    console.info(`latency: digest ${digest.events[0]!.at - (wokeAt + 2 * SLEEP_GAP_MS)} ms after waking`);
  });

  it('does not trust a check the sleep cut in two: it looks again, then sends one digest', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    // Only the per-job `launchctl print` sleeps: the check that the death sets off reads launchd's
    // rows and the ports before the sleep, and the changed job's details after it.
    const {
      watched: w,
      fallAsleep,
      wakeUp,
    } = sleepyMonitor((ctx, awake) => ({
      launchd: { ...ctx.launchd, status: (label) => awake().then(() => ctx.launchd.status(label)) },
    }));
    w.monitor.start();
    const pid = (await waitForHealth(w, 'luca', 'healthy')).pid!;
    await w.monitor.checkNow();

    fallAsleep();
    await killAndRespawn([{ gateway: luca, pid }]);
    const checksAsleep = w.monitor.stats().checks;
    wakeUp();
    await allBackWithNewPids(w, [pid]);

    expect(w.monitor.stats().checks).toBeGreaterThan(checksAsleep + 1);
    expect(w.notifications.map((n) => n.kind)).toEqual(['digest']);
    expect(w.notifications[0]!.events.map((e) => e.type)).toEqual(['exited', 'recovered']);
  });
});
