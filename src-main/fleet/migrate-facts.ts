// Reads everything `planMigration` needs, without changing anything: the dry run stops after this and
// the plan. One launchctl print of the domain and one lsof, as for status; then the root's entries,
// its config, its lock owner, and the legacy plist with its env file.
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LEGACY_LABEL, parseLegacyProgram, parseServiceEnvFile } from '../core/migration-legacy.ts';
import type { MigrationFacts, MigrationRequest } from '../core/migration-plan.ts';
import type { LegacyJobFacts } from '../core/migration-source.ts';
import { readConfigFile } from '../platform/fleet-files.ts';
import { readPlistFile } from '../platform/plist-file.ts';
import type { FleetContext } from './fleet-context.ts';
import { backupDir, lockDir } from './fleet-dirs.ts';
import { gatherFleet } from './gather-fleet.ts';

export async function gatherMigrationFacts(
  ctx: FleetContext,
  request: MigrationRequest,
): Promise<MigrationFacts> {
  const { root, agentsDir } = ctx.location;
  const [snapshot, rootEntries, rootConfig, rootOwner] = await Promise.all([
    gatherFleet(ctx, { details: false }),
    listRoot(root),
    readConfigFile(join(root, 'openclaw.json')),
    ctx.stateDirOwner(root),
  ]);
  const job = snapshot.discovery.otherGateways.find((j) => j.label === LEGACY_LABEL) ?? null;
  return {
    ...request,
    root,
    agentsDir,
    backupRoot: join(backupDir(root, 'migrate'), backupStamp()),
    lockDir: lockDir(root),
    discovery: snapshot.discovery,
    launchdProblem: snapshot.domainProblem,
    listeners: snapshot.listeners,
    rootEntries,
    legacy: job === null ? null : await readLegacyJob(job.plistPath, job.loaded, job.pid),
    rootConfig,
    rootOwner,
    inspect: ctx.inspect,
  };
}

async function readLegacyJob(
  plistPath: string | null,
  loaded: boolean,
  pid: number | null,
): Promise<LegacyJobFacts> {
  const read = plistPath === null ? null : await readPlistFile(plistPath);
  let envFile: Record<string, string> | null = null;
  if (read?.ok) {
    const program = parseLegacyProgram(read.plist.ProgramArguments);
    const envPath = program.ok ? program.program.envFilePath : null;
    // The wrapper's env file is where `gateway install` puts OPENCLAW_STATE_DIR and the port.
    if (envPath !== null) envFile = await readFile(envPath, 'utf8').then(parseServiceEnvFile, () => null);
  }
  return { label: LEGACY_LABEL, plistPath, read, loaded, pid, envFile };
}

async function listRoot(root: string): Promise<string[]> {
  try {
    return await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Sortable and unique: two runs in the same millisecond still get their own folder. */
function backupStamp(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
}
