// Linux /proc facts used to make sure a signal only ever reaches processes the simulator
// started, even after the supervisor crashed and pids may have been reused.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  /** One-letter state; `Z` (zombie) and `X` (dead) no longer run anything. */
  state: string;
  pgrp: number;
  /** Clock ticks since boot; with the pid it identifies one process across pid reuse. */
  startTime: string;
}

/** Parses /proc/<pid>/stat; the command name may contain spaces and parentheses. */
export function parseProcStat(text: string): ProcStat | null {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state(3) ppid(4) pgrp(5) … starttime(22), so indices are field − 3.
  const state = fields[0] ?? '';
  const pgrp = Number(fields[2]);
  const startTime = fields[19];
  if (!Number.isInteger(pgrp) || startTime === undefined) return null;
  return { state, pgrp, startTime };
}

export function readProcStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

export function isRunning(stat: ProcStat | null): stat is ProcStat {
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

/** Live (non-zombie) members of a process group. */
export function processGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(Number(entry));
    if (isRunning(stat) && stat.pgrp === pgid) members.push(Number(entry));
  }
  return members;
}

/** A process group the simulator created: its leader's pid and start time when spawned. */
export interface GroupRecord {
  pgid: number;
  startTime: string;
  label: string;
}

/**
 * True while the recorded group still has members and is provably the same group: either the
 * leader is alive with the recorded start time, or the leader is gone but members remain —
 * Linux never hands out a pid that is still in use as a process-group id.
 */
export function isRecordedGroupAlive(record: GroupRecord): boolean {
  const leader = readProcStat(record.pgid);
  if (leader !== null && leader.startTime !== record.startTime) return false;
  if (isRunning(leader) && leader.pgrp === record.pgid) return true;
  return processGroupMembers(record.pgid).length > 0;
}

export function signalRecordedGroup(record: GroupRecord, signal: NodeJS.Signals): boolean {
  if (!isRecordedGroupAlive(record)) return false;
  try {
    process.kill(-record.pgid, signal);
    return true;
  } catch {
    return false;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
