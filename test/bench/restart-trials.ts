// Restart overhead: the product's restart operation (restartInstance, what `openclaw-fleet restart`
// runs after parsing its arguments) on a serving gateway, no monitor running. Overhead = the operation's
// wall time minus the gateway's own start: from the new process's spawn (/proc start time, 10 ms ticks)
// to its first possible /healthz answer (its "http server listening" log line; the probe handler is
// attached before it listens).
import { restartInstance } from '../../src-main/fleet/restart-instance.ts';
import type { InstalledInstance } from '../helpers/fleet-fixture.ts';
import { waitForReadyz } from '../helpers/stub-gateway.ts';
import type { Lane } from './bench-fleet.ts';
import { countsSince, totalSubprocesses } from './counted-fleet.ts';
import { fileSize, processStartEpochMs } from './proc-facts.ts';
import { LISTENING, lineTime } from './stub-log.ts';

export interface RestartTrial {
  instance: string;
  wallMs: number;
  /** Spawn -> listening of the new gateway. */
  gatewayStartMs: number;
  overheadMs: number;
  subprocesses: number;
  /** Operation start -> the kickstart being issued (lock, two fleet reads, launchd's view of the job). */
  beforeKickMs: number | null;
}

const never = new Promise<void>(() => {});

export async function runRestartTrials(lane: Lane, trials: number): Promise<RestartTrial[]> {
  const results: RestartTrial[] = [];
  let previous: InstalledInstance | null = null;
  for (let t = 0; t < trials; t++) {
    const target = lane.instances[t % lane.instances.length]!;
    if (previous !== null) await waitForReadyz(previous.port, 30_000);
    await waitForReadyz(target.port, 30_000);
    results.push(await restartOnce(lane, target));
    previous = target;
  }
  return results;
}

async function restartOnce(lane: Lane, target: InstalledInstance): Promise<RestartTrial> {
  const offset = fileSize(target.logPath);
  const before = lane.counts();
  let kickAt: number | null = null;
  const began = Date.now();
  const result = await restartInstance(lane.ctx, target.name, {
    timeoutMs: 30_000,
    interrupted: never,
    progress: (step) => {
      if (kickAt === null && step.startsWith('launchctl kickstart')) kickAt = Date.now();
    },
  });
  const wallMs = Date.now() - began;
  if (result.kind !== 'ok')
    throw new Error(`bench: restart ${target.name} failed: ${JSON.stringify(result)}`);
  const pid = Number(/-> (\d+)/.exec(result.lines[0] ?? '')?.[1]);
  const spawnedAt = processStartEpochMs(pid);
  const listenedAt = lineTime(target.logPath, offset, LISTENING);
  if (spawnedAt === null || listenedAt === null) throw new Error(`bench: no start times for pid ${pid}`);
  const gatewayStartMs = Math.round(listenedAt - spawnedAt);
  return {
    instance: target.name,
    wallMs,
    gatewayStartMs,
    overheadMs: wallMs - gatewayStartMs,
    subprocesses: totalSubprocesses(countsSince(before, lane.counts())),
    beforeKickMs: kickAt === null ? null : kickAt - began,
  };
}
