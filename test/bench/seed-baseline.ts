// The baseline: how the seed's openclaw-fleet.sh watched the fleet. Every check runs, per instance and
// one after the other, `launchctl print gui/<uid>/<label>` and `lsof -nP -iTCP:<port> -sTCP:LISTEN`,
// then sleeps the interval. It notices a kill -9 when a print shows another pid than its previous check
// (the most the seed's data allows: launchd respawns a long-lived job at once, so "not running" is
// rarely seen).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { InstalledInstance } from '../helpers/fleet-fixture.ts';
import type { Lane } from './bench-fleet.ts';
import { isAlive } from './proc-facts.ts';
import { randomBetween, sleep } from './stats.ts';

const run = promisify(execFile);

/** One seed check of one instance: its pid per `launchctl print` (null when none), after print + lsof. */
function seedLook(lane: Lane): (instance: InstalledInstance) => Promise<number | null> {
  const env = Object.fromEntries(
    Object.entries(lane.env.sim.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return async (instance) => {
    const target = `${lane.env.sim.domain}/${instance.label}`;
    const printed = await run(lane.env.sim.launchctlPath, ['print', target], { env }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    await run('lsof', ['-nP', `-iTCP:${instance.port}`, '-sTCP:LISTEN']).catch(() => undefined);
    const match = /^\s*pid = (\d+)$/m.exec(printed.stdout);
    return match === null ? null : Number(match[1]);
  };
}

/** Wall time of whole seed checks run back to back on a quiet fleet (no sleep between them). */
export async function measureSeedChecks(lane: Lane, count: number): Promise<number[]> {
  const look = seedLook(lane);
  const walls: number[] = [];
  for (let c = 0; c < count; c++) {
    const started = performance.now();
    for (const instance of lane.instances) await look(instance);
    walls.push(performance.now() - started);
  }
  return walls;
}

export interface SeedPoller {
  checks: number[];
  /** Pid each instance had at the poller's last look. */
  lastPid: Map<string, number | null>;
  detections: { instance: string; oldPid: number; at: number }[];
  stop(): Promise<void>;
}

export function startSeedPoller(lane: Lane, intervalMs: number): SeedPoller {
  const look = seedLook(lane);
  const poller: SeedPoller = { checks: [], lastPid: new Map(), detections: [], stop: async () => {} };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      for (const instance of lane.instances) {
        const pid = await look(instance);
        const old = poller.lastPid.get(instance.name);
        if (old != null && pid !== old)
          poller.detections.push({ instance: instance.name, oldPid: old, at: Date.now() });
        poller.lastPid.set(instance.name, pid);
      }
      poller.checks.push(performance.now() - started);
      await sleep(intervalMs);
    }
  })();
  poller.stop = async () => {
    stopped = true;
    await loop;
  };
  return poller;
}

/** kill -9 one instance at a random moment once the poller knows its pid; latency to the poller noticing. */
export async function seedKillTrial(
  poller: SeedPoller,
  instance: InstalledInstance,
  cycleMs: number,
): Promise<number> {
  for (;;) {
    const pid = poller.lastPid.get(instance.name);
    if (pid != null && isAlive(pid)) break;
    await sleep(50);
  }
  await sleep(randomBetween(0, cycleMs));
  const pid = poller.lastPid.get(instance.name)!;
  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  for (;;) {
    const hit = poller.detections.find((d) => d.oldPid === pid);
    if (hit !== undefined) return hit.at - killedAt;
    if (Date.now() - killedAt > 120_000) throw new Error(`bench: the seed poller never noticed pid ${pid}`);
    await sleep(5);
  }
}

/**
 * Kill trials against seed pollers on `lanes`: round-robin over every (lane, instance); each instance's
 * trials run in turn, different instances concurrently (a poller's sweep timing does not depend on them).
 */
export async function runSeedKillTrials(
  lanes: Lane[],
  trials: number,
  intervalMs: number,
): Promise<number[]> {
  const pollers = lanes.map((lane) => startSeedPoller(lane, intervalMs));
  try {
    while (pollers.some((p) => p.checks.length < 1)) await sleep(50);
    const walls = pollers.flatMap((p) => p.checks).sort((a, b) => a - b);
    const cycleMs = intervalMs + (walls[Math.floor(walls.length / 2)] ?? 0);
    const targets = lanes.flatMap((lane, i) =>
      lane.instances.map((instance) => ({ poller: pollers[i]!, instance })),
    );
    const queues = targets.map(() => 0);
    for (let t = 0; t < trials; t++) queues[t % targets.length]!++;
    const latencies = await Promise.all(
      targets.map(async ({ poller, instance }, i) => {
        const out: number[] = [];
        for (let k = 0; k < queues[i]!; k++) out.push(await seedKillTrial(poller, instance, cycleMs));
        return out;
      }),
    );
    return latencies.flat();
  } finally {
    await Promise.all(pollers.map((p) => p.stop()));
  }
}
