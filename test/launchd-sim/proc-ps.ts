// The ps backend of proc-info, for macOS (no /proc). Only what macOS/BSD ps and Linux procps
// print alike: `-A`, `-p`, and one `-o name=` per column (BSD ps lets a header after `=` swallow
// the rest of a comma list); `lstart` goes last because it contains spaces.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ProcBackend, ProcRow, ProcView } from './proc-info.ts';

const COLUMNS = ['-o', 'pid=', '-o', 'pgid=', '-o', 'stat=', '-o', 'lstart='];

/**
 * Lines of `ps -o pid= -o pgid= -o stat= -o lstart=`, e.g. `73021 73021 Ss   Wed Nov 25 11:46:50 2026`.
 * The state is the first letter of `stat` (both add flags such as `s`, `+`, `<`); `lstart`
 * (1 s resolution) is kept as an opaque string with its padding collapsed. Lines that do not
 * fit are skipped.
 */
export function parsePsRows(text: string): ProcRow[] {
  const rows: ProcRow[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(\S.*?)\s*$/.exec(line);
    if (!match?.[1] || !match[2] || !match[3] || !match[4]) continue;
    rows.push({
      pid: Number(match[1]),
      pgrp: Number(match[2]),
      state: match[3].charAt(0),
      startTime: match[4].replace(/\s+/g, ' '),
    });
  }
  return rows;
}

// An absolute path, so a test that puts a fake `ps` first on PATH cannot fool the simulator.
const PS = ['/bin/ps', '/usr/bin/ps'].find((path) => existsSync(path)) ?? 'ps';

// lstart is printed in local time and the local language: pin both so that the supervisor and
// the test process, whatever their TZ/LANG, print the same string for the same process.
const PS_ENV = { ...process.env, LC_ALL: 'C', TZ: 'UTC' };

function runPs(args: string[]): ProcRow[] {
  const result = spawnSync(PS, [...args, ...COLUMNS], {
    encoding: 'utf8',
    env: PS_ENV,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // A pid that does not exist makes ps exit 1 with no output; any other failure reads the same.
  return result.status === 0 ? parsePsRows(result.stdout) : [];
}

function readStat(pid: number): ProcRow | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return runPs(['-p', String(pid)]).find((row) => row.pid === pid) ?? null;
}

function table(): ProcRow[] {
  return runPs(['-A']);
}

/** One `ps -A` answers every question of a batch: spawning ps costs more than reading its rows. */
function snapshot(): ProcView {
  const rows = table();
  const byPid = new Map(rows.map((row) => [row.pid, row]));
  return { readStat: (pid) => byPid.get(pid) ?? null, table: () => rows };
}

export const psBackend: ProcBackend = { name: 'ps', readStat, table, snapshot };
