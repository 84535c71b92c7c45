// The fleet's own bookkeeping inside the root container: backups of everything it replaces or
// removes, per-instance operation locks, and announced exits (restarts and stops under way).
// `.fleet` does not start with `.openclaw-`, so discovery never mistakes it for an instance.
import { join } from 'node:path';

export function fleetMetaDir(root: string): string {
  return join(root, '.fleet');
}

export function backupDir(root: string, kind: 'plists' | 'state' | 'migrate'): string {
  return join(fleetMetaDir(root), 'backups', kind);
}

export function lockDir(root: string): string {
  return join(fleetMetaDir(root), 'locks');
}

export function exitIntentDir(root: string): string {
  return join(fleetMetaDir(root), 'intents');
}
