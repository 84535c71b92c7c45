// After a respawn, how long until the monitor holds a connection to the new gateway again, and what the
// gap costs in checks and subprocesses. The lane's gateways keep a startup window (readyDelayMs) during
// which they refuse connects with a retryable UNAVAILABLE. Per trial: a steady monitor whose connection
// to the gateway is older than the 5 s re-dial delay for dropped connections, kill -9, then follow the
// port's connection states until one is open again.
import type { Lane } from './bench-fleet.ts';
import { countsSince, totalSubprocesses } from './counted-fleet.ts';
import { fileSize } from './proc-facts.ts';
import { sleep } from './stats.ts';
import { LISTENING, lineTime } from './stub-log.ts';
import { freshWatch } from './watch-monitor.ts';

export interface ReconnectTrial {
  /** New gateway listening -> its held connection open. */
  listenToHeldMs: number;
  /** Dials refused or dropped in between (the first lands in the gateway's startup window). */
  failedDials: number;
  /** Subprocesses from the kill until the connection is held again, and the checks they belong to. */
  subprocesses: number;
  checks: number;
}

export async function runReconnectTrials(lane: Lane, trials: number): Promise<ReconnectTrial[]> {
  const target = lane.instances[0]!;
  const results: ReconnectTrial[] = [];
  for (let t = 0; t < trials; t++) {
    const watch = await freshWatch(lane, [target]);
    try {
      const opened = watch.conns.findLast((c) => c.port === target.port && c.kind === 'open')!.at;
      await sleep(opened + 5200 - Date.now());
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
    } finally {
      await watch.stop();
    }
  }
  return results;
}
