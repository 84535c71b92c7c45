// kill -9 -> `exited`. Each trial starts a new monitor (DEFAULT settings) once the fleet serves, waits
// until it is steady (every instance healthy, its held connection open, no urgent checks pending), then
// SIGKILLs one gateway at a uniformly random moment of the 2 s rhythm. Latency: from the kill to the
// event reaching the monitor's listener. A new monitor per trial keeps trials independent (the exits of
// earlier trials would otherwise add up to a crash loop, 3 in 120 s) and quick: it needs no wait for
// the urgent checks after the previous trial's respawn to end.
import type { InstalledInstance } from '../helpers/fleet-fixture.ts';
import type { Lane } from './bench-fleet.ts';
import { randomBetween, sleep } from './stats.ts';
import { freshWatch, type Watch } from './watch-monitor.ts';

export interface ExitTrial {
  instance: string;
  latencyMs: number;
  /** kill -> the monitor heard its held connection close. */
  dropMs: number | null;
  /** kill -> start of the check that emitted the event. */
  checkStartMs: number | null;
  /** Length of that check up to the event. */
  checkMs: number | null;
  /** Checks started after the kill up to and including the detecting one (1 = the first caught it). */
  checksToDetect: number;
  /** Other events for the killed instance within 0.25 s after the exit (a crash-loop here would be a false alarm). */
  otherEvents: string[];
}

export async function runExitTrials(lane: Lane, trials: number, intervalMs: number): Promise<ExitTrial[]> {
  const results: ExitTrial[] = [];
  let previous: InstalledInstance | null = null;
  for (let t = 0; t < trials; t++) {
    const target = lane.instances[t % lane.instances.length]!;
    const watch = await freshWatch(lane, previous === null ? [] : [previous]);
    try {
      results.push(await killOnce(watch, target, intervalMs));
    } finally {
      await watch.stop();
    }
    previous = target;
  }
  return results;
}

async function killOnce(watch: Watch, target: InstalledInstance, intervalMs: number): Promise<ExitTrial> {
  // A uniformly random phase of the rhythm, so a kill sometimes lands during a check.
  await sleep(randomBetween(0, intervalMs));
  const pid = watch.instance(target.name)?.pid;
  if (pid == null) throw new Error(`bench: no pid for ${target.name}`);
  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  const seen = await watch.nextEvent(
    (e) => e.type === 'exited' && e.instance === target.name && e.pid === pid,
    killedAt,
    10_000,
  );
  // A false crash-loop would come with the detecting check or the next urgent one.
  await sleep(250);
  const drop = watch.conns.find((c) => c.port === target.port && c.at >= killedAt && c.kind === 'closed');
  const checkStart = seen.checkStart;
  return {
    instance: target.name,
    latencyMs: seen.at - killedAt,
    dropMs: drop === undefined ? null : drop.at - killedAt,
    checkStartMs: checkStart === null ? null : checkStart - killedAt,
    checkMs: checkStart === null ? null : seen.at - checkStart,
    checksToDetect: watch.checks.filter(
      (c) => c.start >= killedAt && (checkStart === null || c.start <= checkStart),
    ).length,
    otherEvents: watch.events
      .filter((e) => e.at >= killedAt && e.event.instance === target.name && e !== seen)
      .map((e) => e.event.type),
  };
}
