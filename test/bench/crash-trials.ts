// Crash loop -> `crash-loop`. The gateway is restarted (kickstart -k) with the stub's knobs exitAfterMs
// and exitCode, so every start exits within ~0.1 s and launchd respawns it after ThrottleInterval (this
// lane runs the real 10 s). Latency: from the first of those exits (the stub's "Uncaught exception" log
// line, written just before it exits) to the event. A monitor (DEFAULT settings) serves trials on
// different instances; a new one is started before an instance would be reused, because the exits
// of its earlier trial stay in the 120 s crash-loop window.
import { setKnobs, waitForReadyz } from '../helpers/stub-gateway.ts';
import type { InstalledInstance } from '../helpers/fleet-fixture.ts';
import type { Lane } from './bench-fleet.ts';
import { fileSize } from './proc-facts.ts';
import { UNCAUGHT, waitForLine } from './stub-log.ts';
import { freshWatch, type Watch } from './watch-monitor.ts';

export const CRASH_KNOBS = { exitAfterMs: 100, exitCode: 1 };

export interface CrashTrial {
  instance: string;
  /** First exit -> event; negative would be an alarm before the loop began. */
  latencyMs: number;
  /** Which rule raised it: launchd's state (`spawn scheduled`, runs) or the exit count. */
  rule: 'launchd-state' | 'exit-count' | 'other';
  /** `exited` events for it between the restart and the crash-loop event. */
  exitedEvents: number;
  /** First exit -> start of the check that emitted the event. */
  checkStartMs: number | null;
}

export async function runCrashTrials(lane: Lane, trials: number): Promise<CrashTrial[]> {
  const results: CrashTrial[] = [];
  let watch: Watch | null = null;
  const used = new Set<string>();
  let previous: InstalledInstance | null = null;
  try {
    for (let t = 0; t < trials; t++) {
      const target = lane.instances[t % lane.instances.length]!;
      if (watch === null || used.has(target.name)) {
        await watch?.stop();
        watch = null;
        used.clear();
        watch = await freshWatch(lane, previous === null ? [] : [previous]);
      }
      used.add(target.name);
      results.push(await crashOnce(lane, watch, target));
      previous = target;
    }
  } finally {
    await watch?.stop();
  }
  return results;
}

async function crashOnce(lane: Lane, watch: Watch, target: InstalledInstance): Promise<CrashTrial> {
  await watch.until(
    () => watch.instance(target.name)?.health === 'healthy' && watch.connState(target.port) === 'open',
    30_000,
    `${target.name} serving with a held connection`,
  );
  setKnobs(target.stateDir, { ...lane.baseKnobs, ...CRASH_KNOBS });
  try {
    const offset = fileSize(target.logPath);
    const kickedAt = Date.now();
    await lane.kick(target);
    const seen = await watch.nextEvent(
      (e) => e.type === 'crash-loop' && e.instance === target.name,
      kickedAt,
      30_000,
    );
    const firstExit = await waitForLine(target.logPath, offset, UNCAUGHT, 5000);
    const reason = seen.event.reason;
    return {
      instance: target.name,
      latencyMs: seen.at - firstExit,
      rule: /keeps respawning/.test(reason)
        ? 'launchd-state'
        : /exits in the last/.test(reason)
          ? 'exit-count'
          : 'other',
      checkStartMs: seen.checkStart === null ? null : seen.checkStart - firstExit,
      exitedEvents: watch.events.filter(
        (e) =>
          e.event.type === 'exited' &&
          e.event.instance === target.name &&
          e.at >= kickedAt &&
          e.at <= seen.at,
      ).length,
    };
  } finally {
    // Serve again now rather than after the throttle: cleared knobs, and kickstart starts it at once.
    setKnobs(target.stateDir, lane.baseKnobs);
    await lane.kick(target);
    await waitForReadyz(target.port, 30_000);
  }
}
