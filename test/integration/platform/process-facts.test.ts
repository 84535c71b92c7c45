// The process facts the other tests rely on, against the real ps or /proc of this machine (macOS CI
// runs this too): a command line, an environment, a running and a reaped process, their ages.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { processAges } from '../../../src-main/platform/process-table.ts';
import { processName } from '../../../src-main/platform/state-dir-owner.ts';
import { commandLineAndEnvironmentOf, commandLineOf, isRunningProcess } from '../../helpers/process-facts.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function sleeper(env: Record<string, string> = {}): number {
  const child = spawn('sleep', ['30'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(child);
  return child.pid as number;
}

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('process facts', () => {
  it('reads the command line and environment of a child, and its name and age', async () => {
    const pid = sleeper({ OCF_PROBE: 'visible-value' });
    expect(commandLineOf(pid)).toBe('sleep 30');
    expect(commandLineAndEnvironmentOf(pid)).toContain('OCF_PROBE=visible-value');
    expect(isRunningProcess(pid)).toBe(true);
    // macOS ps prints `comm` as a path; the product reduces it to the bare name, as on Linux.
    expect(await processName(pid)).toBe('sleep');
    const ages = await processAges([pid]);
    expect(ages.get(pid)).toBeGreaterThanOrEqual(0);
    expect(ages.get(pid)).toBeLessThan(30);
  });

  it('reports a reaped process as gone everywhere, without losing the live ones', async () => {
    const gone = await exitedPid();
    const live = sleeper();
    expect(isRunningProcess(gone)).toBe(false);
    expect(commandLineOf(gone)).toBe('');
    expect(await processName(gone)).toBeNull();
    // ps exits 1 when one pid of the list is gone but still prints the others.
    const ages = await processAges([gone, live]);
    expect(ages.has(gone)).toBe(false);
    expect(ages.has(live)).toBe(true);
  });
});
