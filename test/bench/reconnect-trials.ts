// After a respawn, how long until the monitor holds a connection to the new gateway again, and what the
// gap costs. One monitor stays up across the trial (as in the app): kill -9 a steady gateway, then
// follow its port's connection states until one is open again.
import type { Lane } from './bench-fleet.ts';
import { countsSince, totalSubprocesses } from './counted-fleet.ts';
import { fileSize } from './proc-facts.ts';
import { LISTENING, lineTime } from './stub-log.ts';
import { waitQuiet, watchLane } from './watch-monitor.ts';

export interface ReconnectTrial {
  /** New gateway listening -> its held connection open. */
  listenToHeldMs: number;
  /** Dials refused or dropped in between (the first dial lands in the gateway's startup window). */
  failedDials: number;
  /** Subprocesses from the kill until the connection is held again, and the checks they belong to. */
  subprocesses: number;
  checks: number;
}

export async function runReconnectTrials(lane: Lane, trials: number): Promise<ReconnectTrial[]> {
  const target = lane.instances[0]!;
  const watch = watchLane(lane);
  const results: ReconnectTrial[] = [];
  try {
    for (let t = 0; t < trials; t++) {
      await waitQuiet(watch, 60_000);
      const pid = watch.instance(target.name)?.pid;
      if (pid == null) throw new Error(`bench: no pid for ${target.name}`);
      const offset = fileSize(target.logPath);
      const before = lane.counts();
      const checks0 = watch.monitor.stats().checks;
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      const afterKill = () => watch.conns.filter((c) => c.port === target.port && c.at > killedAt);
      await watch.until(() => afterKill().some((c) => c.kind === 'open'), 30_000, 'a held connection again');
      const states = afterKill();
      const heldAt = states.find((c) => c.kind === 'open')!.at;
      const listenedAt = lineTime(target.logPath, offset, LISTENING) ?? heldAt;
      results.push({
        listenToHeldMs: heldAt - listenedAt,
        // The first close is the death itself.
        failedDials: states.filter((c) => c.kind !== 'open').length - 1,
        subprocesses: totalSubprocesses(countsSince(before, lane.counts())),
        checks: watch.monitor.stats().checks - checks0,
      });
    }
  } finally {
    await watch.stop();
  }
  return results;
}
