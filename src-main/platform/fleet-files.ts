// Reads, in one pass, the files that define the fleet: OpenClaw plists in the LaunchAgents dir, the
// `.openclaw-*` state dirs in the root container with their openclaw.json, and any live state left
// directly in the root. Only reads; the pure discovery module makes sense of it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isCandidatePlistName } from '../core/label-kind.ts';
import {
  ROOT_LIVE_STATE_ENTRIES,
  STATE_DIR_PREFIX,
  type ConfigFileFact,
  type FleetFiles,
  type PlistReadResult,
  type StateDirFact,
} from '../core/fleet-facts.ts';
import { readPlistFile } from './plist-file.ts';

export class FleetReadError extends Error {}

/** How one file of each kind is read: directly, or through a cache (fleet-files-reader.ts). */
export interface FileReaders {
  plist(path: string): Promise<PlistReadResult>;
  config(path: string): Promise<ConfigFileFact>;
}

export const DIRECT_READERS: FileReaders = { plist: readPlistFile, config: (path) => readConfigFile(path) };

export async function readFleetFiles(
  root: string,
  agentsDir: string,
  readers: FileReaders = DIRECT_READERS,
): Promise<FleetFiles> {
  const [agentEntries, rootEntries] = await Promise.all([listDir(agentsDir), listDir(root)]);
  const plistNames = agentEntries.filter(isCandidatePlistName).sort();
  const plists = await Promise.all(
    plistNames.map(async (fileName) => {
      const path = join(agentsDir, fileName);
      return { path, fileName, read: await readers.plist(path) };
    }),
  );
  const stateDirs: StateDirFact[] = [];
  for (const entry of rootEntries.filter((e) => e.startsWith(STATE_DIR_PREFIX)).sort()) {
    const path = join(root, entry);
    const info = await stat(path).catch(() => null);
    if (info === null || !info.isDirectory()) continue;
    stateDirs.push({
      suffix: entry.slice(STATE_DIR_PREFIX.length),
      path,
      mode: info.mode & 0o777,
      config: await readers.config(join(path, 'openclaw.json')),
    });
  }
  return { plists, stateDirs, rootLiveState: ROOT_LIVE_STATE_ENTRIES.filter((e) => rootEntries.includes(e)) };
}

export async function readConfigFile(path: string): Promise<ConfigFileFact> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { path, exists: true, text, mode: info.mode & 0o777, readError: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, exists: false, text: null, mode: null, readError: null };
    return {
      path,
      exists: true,
      text: null,
      mode: null,
      readError: `cannot read ${path} (${code ?? 'error'})`,
    };
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new FleetReadError(
      `cannot read ${dir} (${code ?? 'error'}): check that it is a directory you can read`,
    );
  }
}
