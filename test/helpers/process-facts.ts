// What a test may ask about a process it started, on Linux and macOS alike. Linux has /proc; macOS
// has none, so there the same facts come from ps (`command` is the argument vector joined by
// spaces; `-E` appends the environment, readable for one's own processes: macOS ps(1)).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const HAS_PROC = existsSync('/proc/self/cmdline');

function ps(args: string[]): string {
  // LC_ALL=C: the state letters and padding are the same whatever the runner's locale.
  const run = spawnSync('ps', args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  return run.status === 0 ? run.stdout.trim() : '';
}

/** The command line, arguments joined by single spaces ('' when the process is gone). */
export function commandLineOf(pid: number): string {
  if (!HAS_PROC) return ps(['-ww', '-o', 'command=', '-p', String(pid)]);
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** Command line and initial environment as one text, to prove a secret is in neither. */
export function commandLineAndEnvironmentOf(pid: number): string {
  if (!HAS_PROC) return ps(['-ww', '-E', '-o', 'command=', '-p', String(pid)]);
  const read = (file: string) => readFileSync(`/proc/${pid}/${file}`, 'utf8').replaceAll('\0', ' ');
  return `${read('cmdline')}\n${read('environ')}`;
}

/** Exists and is not a zombie nobody reaped yet (pid 1 in a container may not reap orphans). */
export function isRunningProcess(pid: number): boolean {
  const state = HAS_PROC ? procState(pid) : ps(['-o', 'stat=', '-p', String(pid)]).charAt(0);
  return state !== '' && state !== 'Z' && state !== 'X';
}

function procState(pid: number): string {
  try {
    // `pid (comm) S ...`: comm may hold spaces and parentheses, so read after the last `)`.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  } catch {
    return '';
  }
}
