// What is kept of a process at its exit: how it ended, when, and what its log said last.
import type { LastExit } from '../launchd-status.ts';
import type { CrashSnapshot, Observation } from './monitor-types.ts';

export function snapshotOf(at: number, pid: number, obs: Observation): CrashSnapshot {
  return {
    at,
    pid,
    lastExit: obs.detail?.lastExit ?? obs.record.launchd?.lastExit ?? null,
    lastErrorLine: obs.log?.lastErrorLine ?? null,
    lastLines: obs.log?.lastLines ?? [],
  };
}

export function describeLastExit(last: LastExit | null): string {
  if (last === null) return 'exited';
  if (last.signal !== null) return `was killed by signal ${last.signal}`;
  if (last.code !== null) return `exited with code ${last.code}`;
  return 'exited';
}
