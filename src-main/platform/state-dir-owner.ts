// Who holds an instance's gateway lock. The gateway writes `<state dir>/tmp/openclaw-<uid>/
// gateway.state.lock` as JSON with its pid (openclaw-gateway.md §4); a live pid there that launchd
// did not start is the "two processes on one state dir" failure.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { StateDirOwner } from '../core/audit/audit-types.ts';
import { commandNameFromPs } from '../core/process-name.ts';

export function lockPath(stateDir: string, uid: number): string {
  return join(stateDir, 'tmp', `openclaw-${uid}`, 'gateway.state.lock');
}

export async function readStateDirOwner(stateDir: string, uid: number): Promise<StateDirOwner | null> {
  let text: string;
  try {
    text = await readFile(lockPath(stateDir, uid), 'utf8');
  } catch {
    return null;
  }
  const pid = lockPid(text);
  if (pid === null) return null;
  const alive = isAlive(pid);
  return { stateDir, pid, alive, command: alive ? await processName(pid) : null };
}

export function lockPid(text: string): number | null {
  try {
    const value: unknown = JSON.parse(text);
    const pid = (value as { pid?: unknown } | null)?.pid;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Signal 0 delivers nothing; it only asks the kernel whether the pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function processName(pid: number): Promise<string | null> {
  const result = await execa('ps', ['-o', 'comm=', '-p', String(pid)], { reject: false, timeout: 2000 });
  return result.exitCode === 0 ? commandNameFromPs(result.stdout) : null;
}
