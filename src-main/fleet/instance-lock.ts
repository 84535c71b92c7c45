// Two operations on one instance never interleave, even from two CLI processes: each takes an
// exclusive lock file holding its pid. A lock whose pid is gone is stale and taken over.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from '../platform/state-dir-owner.ts';
import { lockDir } from './fleet-dirs.ts';

export class InstanceBusyError extends Error {}

export interface InstanceLock {
  release(): Promise<void>;
}

export async function lockInstance(root: string, name: string, operation: string): Promise<InstanceLock> {
  const dir = lockDir(root);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${name}.lock`);
  // The lock appears complete or not at all: written under a private name, then hard-linked into
  // place (link fails with EEXIST like O_EXCL). Creating it empty and writing after would let a
  // concurrent taker read an empty file, call it stale and take the lock too.
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(draft, JSON.stringify({ pid: process.pid, operation, since: new Date().toISOString() }), {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(draft, path);
        return { release: () => rm(path, { force: true }) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = await readHolder(path);
        if (holder !== null && isAlive(holder.pid)) {
          throw new InstanceBusyError(
            `${name} is busy: pid ${holder.pid} is running '${holder.operation}' on it since ${holder.since}; try again when it is done`,
          );
        }
        await rm(path, { force: true });
      }
    }
  } finally {
    await rm(draft, { force: true });
  }
  throw new InstanceBusyError(`${name} is busy: could not take ${path}`);
}

async function readHolder(path: string): Promise<{ pid: number; operation: string; since: string } | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as {
      pid?: unknown;
      operation?: unknown;
      since?: unknown;
    };
    return typeof value.pid === 'number'
      ? {
          pid: value.pid,
          operation: String(value.operation ?? 'an operation'),
          since: String(value.since ?? 'a while'),
        }
      : null;
  } catch {
    return null;
  }
}
