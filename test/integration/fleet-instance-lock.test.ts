import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDir } from '../../src-main/fleet/fleet-dirs.ts';
import { InstanceBusyError, lockInstance } from '../../src-main/fleet/instance-lock.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ocf-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('lockInstance', () => {
  it('refuses a second operation on the same instance and names the first', async () => {
    const lock = await lockInstance(root, 'luca', 'restart');
    await expect(lockInstance(root, 'luca', 'stop')).rejects.toThrow(InstanceBusyError);
    await expect(lockInstance(root, 'luca', 'stop')).rejects.toThrow(/pid \d+ is running 'restart'/);
    const other = await lockInstance(root, 'critic', 'stop');
    await other.release();
    await lock.release();
    const again = await lockInstance(root, 'luca', 'stop');
    await again.release();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => child.on('exit', r));
    mkdirSync(lockDir(root), { recursive: true });
    writeFileSync(
      join(lockDir(root), 'luca.lock'),
      JSON.stringify({ pid: child.pid, operation: 'add', since: 'x' }),
    );
    const lock = await lockInstance(root, 'luca', 'restart');
    await lock.release();
  });
});
