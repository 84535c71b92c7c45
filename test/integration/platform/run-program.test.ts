// runProgram against real executables written for each case: what a monitor's every check relies on.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../../src-main/platform/run-program.ts';
import { isAlive } from '../../../src-main/platform/state-dir-owner.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocf-run-program-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('runProgram', () => {
  it('returns the exit code and both outputs, arguments passed as they are', async () => {
    const echo = script('echo', 'printf "%s|" "$@"; echo oops >&2; exit 3');
    expect(await runProgram(echo, ['a b', '$HOME', ';ls'], { timeoutMs: 5000 })).toEqual({
      kind: 'exited',
      exitCode: 3,
      stdout: 'a b|$HOME|;ls|',
      stderr: 'oops\n',
    });
  });

  it('adds its env to this process’s, and closes stdin', async () => {
    const env = script('env', 'printf "%s %s " "$OCF_EXTRA" "${PATH:+path}"; cat; echo eof');
    const run = await runProgram(env, [], { timeoutMs: 5000, env: { OCF_EXTRA: 'extra' } });
    expect(run).toMatchObject({ kind: 'exited', exitCode: 0, stdout: 'extra path eof\n' });
  });

  it('says a missing program did not run', async () => {
    expect(await runProgram(join(dir, 'absent'), [], { timeoutMs: 5000 })).toEqual({
      kind: 'did-not-run',
      reason: 'ENOENT',
    });
  });

  it('ends a program that hangs, with SIGKILL when it ignores SIGTERM', async () => {
    const pidFile = join(dir, 'hang.pid');
    const hang = script('hang', `trap '' TERM; echo $$ > ${pidFile}; while :; do sleep 0.05; done`);
    const began = Date.now();
    const run = await runProgram(hang, [], { timeoutMs: 300, forceKillAfterMs: 200 });
    expect(run).toEqual({ kind: 'timed-out' });
    expect(Date.now() - began).toBeGreaterThanOrEqual(500);
    expect(isAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('says a program killed by a signal it did not ask for did not run', async () => {
    const selfKill = script('self-kill', 'kill -KILL $$');
    expect(await runProgram(selfKill, [], { timeoutMs: 5000 })).toEqual({
      kind: 'did-not-run',
      reason: 'killed by SIGKILL',
    });
  });
});
