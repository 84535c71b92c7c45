// `remove`: boots the job out and waits until launchd has forgotten it, then moves the plist out of
// the LaunchAgents dir (a copy left there would load again at the next login) into the fleet's
// backups. The state dir stays unless asked to purge it, and even then it is moved, never deleted.
import { lstat } from 'node:fs/promises';
import { discoverFleet, type Discovery, type InstanceRecord } from '../core/discovery.ts';
import { checkInstanceName } from '../core/instance-name.ts';
import { moveAside } from '../platform/move-aside.ts';
import type { FleetContext } from './fleet-context.ts';
import { backupDir } from './fleet-dirs.ts';
import { InstanceBusyError, lockInstance } from './instance-lock.ts';

export interface RemoveRequest {
  name: string;
  /** Move the state dir (config, token, workspace, logs) into the backups too. */
  purgeState: boolean;
}

export type RemoveResult =
  | {
      kind: 'removed';
      name: string;
      label: string;
      wasLoaded: boolean;
      plistsMovedTo: string[];
      /** null: there was no state dir. */
      stateDir: { path: string; movedTo: string | null } | null;
    }
  /** Unknown instance: nothing was changed. */
  | { kind: 'bad-input'; message: string }
  | { kind: 'failed'; message: string };

export async function removeInstance(ctx: FleetContext, request: RemoveRequest): Promise<RemoveResult> {
  // Checked before the lock, so a typo never creates lock files; read again under the lock.
  const before = await discover(ctx);
  if (!checkInstanceName(request.name).ok || find(before, request.name) === null)
    return unknown(before, request.name);
  let lock;
  try {
    lock = await lockInstance(ctx.location.root, request.name, 'remove');
  } catch (error) {
    if (error instanceof InstanceBusyError) return { kind: 'failed', message: error.message };
    throw error;
  }
  try {
    const discovery = await discover(ctx);
    const record = find(discovery, request.name);
    if (record === null) return unknown(discovery, request.name);
    return await removeLocked(ctx, discovery, record, request.purgeState);
  } finally {
    await lock.release();
  }
}

async function removeLocked(
  ctx: FleetContext,
  discovery: Discovery,
  record: InstanceRecord,
  purgeState: boolean,
): Promise<RemoveResult> {
  const unloaded = await ctx.launchd.unload(record.label);
  if (unloaded.kind !== 'ok' && unloaded.kind !== 'not-loaded') {
    return {
      kind: 'failed',
      message: `could not unload ${record.label} (${unloaded.message}); nothing was moved`,
    };
  }
  const moved: string[] = [];
  // Every file that declares this label would load it again at login, not only the one named after it.
  const clash = discovery.labelClashes.find((c) => c.label === record.label);
  const plists = clash?.plistPaths ?? ((await exists(record.plistPath)) ? [record.plistPath] : []);
  let stateDir: { path: string; movedTo: string | null } | null =
    record.stateDirMode === null ? null : { path: record.stateDir, movedTo: null };
  try {
    for (const path of plists)
      moved.push(await moveAside(path, backupDir(ctx.location.root, 'plists'), '.plist'));
    if (stateDir !== null && purgeState) {
      stateDir = {
        path: record.stateDir,
        movedTo: await moveAside(record.stateDir, backupDir(ctx.location.root, 'state')),
      };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const done = moved.length === 0 ? '' : `; already moved: ${moved.join(', ')}`;
    return {
      kind: 'failed',
      message: `unloaded ${record.label} but could not move its files (${code})${done}`,
    };
  }
  return {
    kind: 'removed',
    name: record.name,
    label: record.label,
    wasLoaded: unloaded.kind === 'ok',
    plistsMovedTo: moved,
    stateDir,
  };
}

/** The fleet's files and launchd's view; no lsof, which remove does not need. */
async function discover(ctx: FleetContext): Promise<Discovery> {
  const [files, domain] = await Promise.all([ctx.readFiles(), ctx.launchd.fleetStatus()]);
  return discoverFleet({
    root: ctx.location.root,
    agentsDir: ctx.location.agentsDir,
    files,
    domain: domain.kind === 'ok' ? domain.domain : null,
  });
}

function find(discovery: Discovery, name: string): InstanceRecord | null {
  return discovery.instances.find((i) => i.name === name) ?? null;
}

function unknown(discovery: Discovery, name: string): RemoveResult {
  const known = discovery.instances.map((i) => i.name);
  return {
    kind: 'bad-input',
    message: `unknown instance '${name}'; known: ${known.join(', ') || 'none (run openclaw-fleet add <name>)'}`,
  };
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
