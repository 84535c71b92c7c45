import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, lockPath, lockPid, readStateDirOwner } from '../../../src-main/platform/state-dir-owner.ts';
import { generateToken } from '../../../src-main/platform/token.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocf-owner-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeLock(pid: number): void {
  const path = lockPath(dir, 501);
  mkdirSync(dirname(path), { recursive: true });
  // The real lock has trailing whitespace-encoded data after the JSON object.
  writeFileSync(path, `${JSON.stringify({ pid, ownerId: 'x', stateDir: dir, port: 18789 })}\n \t \t\n`);
}

describe('readStateDirOwner', () => {
  it('finds a live owner and names its process', async () => {
    const child = spawn('sleep', ['30']);
    try {
      writeLock(child.pid as number);
      const owner = await readStateDirOwner(dir, 501);
      expect(owner).toEqual({ stateDir: dir, pid: child.pid, alive: true, command: 'sleep' });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('reports a dead owner as not alive', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid as number;
    await new Promise((r) => child.on('exit', r));
    writeLock(pid);
    expect(await readStateDirOwner(dir, 501)).toEqual({ stateDir: dir, pid, alive: false, command: null });
    expect(isAlive(pid)).toBe(false);
  });

  it('returns null without a lock or with garbage in it', async () => {
    expect(await readStateDirOwner(dir, 501)).toBeNull();
    expect(lockPid('not json')).toBeNull();
    expect(lockPid('{"pid":"12"}')).toBeNull();
  });
});

describe('generateToken', () => {
  it('gives 32 random bytes as 64 hex characters, different every time', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});
