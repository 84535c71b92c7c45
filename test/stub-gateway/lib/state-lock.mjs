// @ts-check
// The state-ownership lock: <stateDir>/tmp/openclaw-<uid>/gateway.state.lock (ref §4 "Lock location").
// The real gateway backs this file with SQLite coordinators and a lease table; the observable part a fleet
// manager sees is the JSON file, "a live owner blocks, a dead owner is taken over", and exit 78 on contention.
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ pid: number, ownerId: string, createdAt: string, configPath: string, stateDir: string,
 *   port: number, startTime: number }} LockRecord
 * @typedef {{ ok: true, path: string, record: LockRecord, release: () => void }} HeldLock
 * @typedef {{ ok: false, path: string, owner: LockRecord | null }} Contended
 */

/** @param {string} stateDir */
export function stateLockPath(stateDir) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 501;
  return join(stateDir, 'tmp', `openclaw-${uid}`, 'gateway.state.lock');
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still owns the state.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {string} path @returns {LockRecord | null} */
function readRecord(path) {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8'));
    return typeof record?.pid === 'number' && typeof record?.ownerId === 'string' ? record : null;
  } catch {
    return null;
  }
}

/**
 * One attempt; the caller decides how long to keep retrying.
 * @param {{ stateDir: string, configPath: string, port: number }} owner
 * @returns {HeldLock | Contended}
 */
export function tryAcquireStateLock({ stateDir, configPath, port }) {
  const path = stateLockPath(stateDir);
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  /** @type {LockRecord} */
  const record = {
    pid: process.pid,
    ownerId: randomUUID(),
    createdAt: new Date().toISOString(),
    configPath,
    stateDir,
    port,
    startTime: Math.round(performance.timeOrigin),
  };
  // Write a private file, then hard-link it into place: the lock appears atomically with its content,
  // so a competitor never reads a half-written record and mistakes it for a stale one.
  const draft = `${path}.${record.ownerId}.tmp`;
  writeFileSync(draft, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        linkSync(draft, path);
        return { ok: true, path, record, release: () => releaseIfOwned(path, record.ownerId) };
      } catch (error) {
        if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      }
      const current = readRecord(path);
      if (current && isAlive(current.pid)) return { ok: false, path, owner: current };
      // Stale: the owner died without cleanup (crash, SIGKILL). Take it over.
      try {
        unlinkSync(path);
      } catch {
        // Another starter removed it first; the next link attempt decides.
      }
    }
    return { ok: false, path, owner: readRecord(path) };
  } finally {
    unlinkSync(draft);
  }
}

/** @param {string} path @param {string} ownerId */
function releaseIfOwned(path, ownerId) {
  if (readRecord(path)?.ownerId !== ownerId) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
