// Linux /proc facts the bench needs: CPU time of reaped children (the monitor's subprocesses), and
// when a process was spawned (its start time, 10 ms ticks, turned into epoch milliseconds).
import { readFileSync, statSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number | 'self'): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces): state is field 3, so index = field - 3.
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** CPU milliseconds of this process's children that have been waited for (cutime + cstime). */
export function reapedChildrenCpuMs(): number {
  const f = statFields('self');
  return ((Number(f[13]) + Number(f[14])) * 1000) / TICKS_PER_SECOND;
}

/** Epoch ms at which `pid` started, to the 10 ms tick; null when it is gone. */
export function processStartEpochMs(pid: number): number | null {
  try {
    const startTicks = Number(statFields(pid)[19]);
    const uptimeS = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const now = Date.now();
    return now - (uptimeS - startTicks / TICKS_PER_SECOND) * 1000;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    const state = statFields(pid)[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
