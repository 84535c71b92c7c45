// readFleetFiles, reading a plist or an openclaw.json again only when the file changed. The monitor
// re-reads the fleet's files every few checks, and parsing every XML plist (xmldom) cost more than
// the rest of an idle check; one stat per file now decides whether its last read still holds.
import { stat } from 'node:fs/promises';
import type { FleetFiles } from '../core/fleet-facts.ts';
import { DIRECT_READERS, readFleetFiles, type FileReaders } from './fleet-files.ts';

/**
 * A file modified this recently may be written again within the same tick of its filesystem's clock
 * (HFS+ keeps whole seconds) with the same size: such a file is read every time until it is older.
 */
export const RACY_MS = 2000;

export interface FleetFilesReader {
  read(): Promise<FleetFiles>;
}

export function createFleetFilesReader(
  root: string,
  agentsDir: string,
  readers: FileReaders = DIRECT_READERS,
  now: () => number = Date.now,
): FleetFilesReader {
  const plists = statCache(readers.plist, now);
  const configs = statCache(readers.config, now);
  return {
    async read() {
      try {
        return await readFleetFiles(root, agentsDir, { plist: plists.get, config: configs.get });
      } finally {
        plists.endPass();
        configs.endPass();
      }
    },
  };
}

interface StatCache<T> {
  get(path: string): Promise<T>;
  /** Forgets the files the last pass did not ask for (an instance removed). */
  endPass(): void;
}

function statCache<T>(read: (path: string) => Promise<T>, now: () => number): StatCache<T> {
  let entries = new Map<string, { key: string; value: T }>();
  let seen = new Map<string, { key: string; value: T }>();
  return {
    async get(path) {
      // Stat before reading: a write between the two leaves an old key on new content (read again
      // next time), never a new key on old content.
      const key = await fileKey(path, now());
      const hit = entries.get(path) ?? seen.get(path);
      if (key !== null && hit?.key === key) {
        seen.set(path, hit);
        return hit.value;
      }
      const value = await read(path);
      if (key !== null) seen.set(path, { key, value });
      return value;
    },
    endPass() {
      entries = seen;
      seen = new Map();
    },
  };
}

/**
 * What changes when a file is written, replaced (atomic rename: a new inode), chmodded or chowned;
 * null when the file cannot be stat'ed (its reader reports why) or was modified too recently to trust.
 */
async function fileKey(path: string, at: number): Promise<string | null> {
  const s = await stat(path, { bigint: true }).catch(() => null);
  if (s === null || at - Number(s.mtimeMs) < RACY_MS) return null;
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.mode}:${s.uid}:${s.gid}`;
}
