// Process facts used to make sure a signal only ever reaches processes the simulator started,
// even after the supervisor crashed and pids may have been reused. Two backends: /proc (Linux)
// and ps (macOS has no /proc); LAUNCHD_SIM_PROC_BACKEND=proc|ps forces one.
import { accessSync, constants } from 'node:fs';
import { procFsBackend } from './proc-fs.ts';
import { psBackend } from './proc-ps.ts';

export interface ProcStat {
  /** One-letter state; `Z` (zombie) and `X` (dead) no longer run anything. */
  state: string;
  pgrp: number;
  /**
   * Opaque, stable for the life of one process; with the pid it identifies one process across
   * pid reuse. Only comparable with a value read through the same backend.
   */
  startTime: string;
}

export interface ProcRow extends ProcStat {
  pid: number;
}

/** What the group checks read. */
export interface ProcView {
  readStat(pid: number): ProcStat | null;
  /** Every process, zombies included. */
  table(): ProcRow[];
}

export type ProcBackendName = 'proc' | 'ps';

export interface ProcBackend extends ProcView {
  name: ProcBackendName;
  /** A view for a batch of questions; may be a point-in-time copy. */
  snapshot(): ProcView;
}

/** The backend to use: the forced one if valid, else /proc where it is readable, else ps. */
export function chooseProcBackend(forced: string | undefined, procReadable: boolean): ProcBackendName {
  if (forced === 'proc' || forced === 'ps') return forced;
  if (forced !== undefined && forced !== '')
    throw new Error(`LAUNCHD_SIM_PROC_BACKEND must be "proc" or "ps", got ${JSON.stringify(forced)}`);
  return procReadable ? 'proc' : 'ps';
}

function procReadable(): boolean {
  try {
    accessSync('/proc/self/stat', constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

let chosen: ProcBackend | undefined;

/** The named backend, or the one chosen for this process (env override, else /proc if present). */
export function procBackend(name?: ProcBackendName): ProcBackend {
  if (name !== undefined) return name === 'ps' ? psBackend : procFsBackend;
  chosen ??= procBackend(chooseProcBackend(process.env.LAUNCHD_SIM_PROC_BACKEND, procReadable()));
  return chosen;
}

export function readProcStat(pid: number, backend: ProcView = procBackend()): ProcStat | null {
  return backend.readStat(pid);
}

export function isRunning(stat: ProcStat | null): stat is ProcStat {
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

/** Live (non-zombie) members of a process group, in pid order. */
export function groupMembersIn(rows: readonly ProcRow[], pgid: number): number[] {
  return rows
    .filter((row) => row.pgrp === pgid && isRunning(row))
    .map((row) => row.pid)
    .sort((a, b) => a - b);
}

export function processGroupMembers(pgid: number, backend: ProcView = procBackend()): number[] {
  return groupMembersIn(backend.table(), pgid);
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
 * POSIX systems (Linux, macOS) never hand out a pid still in use as a process-group id.
 */
export function isRecordedGroupAlive(record: GroupRecord, backend: ProcView = procBackend()): boolean {
  const leader = backend.readStat(record.pgid);
  if (leader !== null && leader.startTime !== record.startTime) return false;
  if (isRunning(leader) && leader.pgrp === record.pgid) return true;
  return processGroupMembers(record.pgid, backend).length > 0;
}

export function signalRecordedGroup(
  record: GroupRecord,
  signal: NodeJS.Signals,
  backend: ProcView = procBackend(),
): boolean {
  if (!isRecordedGroupAlive(record, backend)) return false;
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
