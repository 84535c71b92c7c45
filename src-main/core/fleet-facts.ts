// Raw facts about the fleet's files, as the platform reads them; discovery reconciles them.
import type { LaunchAgentPlist } from './plist-contract.ts';

export type PlistReadResult =
  | { ok: true; plist: LaunchAgentPlist; format: 'xml' | 'binary' }
  | { ok: false; reason: 'missing' | 'unreadable' | 'invalid'; message: string };

export interface PlistFileFact {
  path: string;
  fileName: string;
  read: PlistReadResult;
}

export interface ConfigFileFact {
  path: string;
  exists: boolean;
  /** File contents; holds the token, so it never leaves the process. */
  text: string | null;
  mode: number | null;
  readError: string | null;
}

export interface StateDirFact {
  /** The part after `.openclaw-`; not necessarily a valid instance name. */
  suffix: string;
  path: string;
  mode: number;
  config: ConfigFileFact;
}

export interface FleetFiles {
  plists: PlistFileFact[];
  stateDirs: StateDirFact[];
  /** Entries directly under the root that mean live gateway state there (design failure mode 4). */
  rootLiveState: string[];
}

export const ROOT_LIVE_STATE_ENTRIES: readonly string[] = [
  'openclaw.json',
  'workspace',
  'agents',
  'credentials',
];
export const STATE_DIR_PREFIX = '.openclaw-';
