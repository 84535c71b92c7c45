// The /proc backend of proc-info: Linux only, but cheaper than running ps, so it is the default
// wherever /proc exists.
import { readdirSync, readFileSync } from 'node:fs';
import type { ProcBackend, ProcRow, ProcStat } from './proc-info.ts';

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

function readStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

function table(): ProcRow[] {
  const rows: ProcRow[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat !== null) rows.push({ pid: Number(entry), ...stat });
  }
  return rows;
}

// Single reads are cheap here, so a batch needs no snapshot.
export const procFsBackend: ProcBackend = { name: 'proc', readStat, table, snapshot: () => procFsBackend };
