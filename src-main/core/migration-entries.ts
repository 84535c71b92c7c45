// Which entries of the root container are the legacy gateway's state, and so move into the new
// instance dir. Taken from what the gateway keeps in its state dir (openclaw-gateway.md §1-§4, §7);
// anything else (the user's scripts, docs, other tools' files) stays in the root, where the design
// wants it (cluster-architecture.md, "Required Directory Layout").
import { STATE_DIR_PREFIX } from './fleet-facts.ts';

export const MIGRATED_STATE_ENTRIES: readonly string[] = [
  // The config (§3), holding the token; the CLI's rotated copies sit next to it (.bak, .bak.1..3).
  'openclaw.json',
  // The default agent workspace, per-agent sessions and channel credentials.
  'workspace',
  'agents',
  'credentials',
  // Durable env the service reads from the state dir (§1 "Other env notes").
  '.env',
  // gateway-restart.log, stability bundles, config audit (§7).
  'logs',
  // The state SQLite with the owner lease (§4).
  'state',
  // TMPDIR under launchd and the gateway locks `tmp/openclaw-<uid>/` (§1, §4).
  'tmp',
  // The legacy service's env file and wrapper (§1); kept with the state they describe.
  'service-env',
];

const CONFIG_BACKUP = /^openclaw\.json\.bak(\.\d+)?$/;

/** Entries the fleet itself owns in the root: instance dirs and its own bookkeeping. */
function isFleetEntry(name: string): boolean {
  return name.startsWith(STATE_DIR_PREFIX) || name === '.fleet';
}

/** Splits the root's entries into gateway state to move and the rest, which stays (both sorted). */
export function splitRootEntries(entries: readonly string[]): { move: string[]; leave: string[] } {
  const move: string[] = [];
  const leave: string[] = [];
  for (const name of [...entries].sort()) {
    if (MIGRATED_STATE_ENTRIES.includes(name) || CONFIG_BACKUP.test(name)) move.push(name);
    else if (!isFleetEntry(name) && name !== '.DS_Store') leave.push(name);
  }
  return { move, leave };
}
