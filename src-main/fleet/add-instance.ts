// `add`: checks everything first (name free, port spaced and unused, plist clean), then under the
// instance lock writes the state dir, config and plist, loads the job and waits until it serves.
// Any failure after the first file was written rolls back what this call created.
import { join } from 'node:path';
import { STATE_DIR_PREFIX } from '../core/fleet-facts.ts';
import { checkInstanceName, labelFor } from '../core/instance-name.ts';
import { planNewInstance } from '../core/new-instance-plan.ts';
import type { PathFacts } from '../core/path-facts.ts';
import { instanceConfigPath, instanceLogPath, renderInstancePlist } from '../core/plist-contract.ts';
import { lintInstancePlist } from '../core/plist-lint.ts';
import { generateToken } from '../platform/token.ts';
import { awaitDrain } from './await-drain.ts';
import type { FleetContext } from './fleet-context.ts';
import { gatherFleet, type FleetSnapshot } from './gather-fleet.ts';
import { InstanceBusyError, lockInstance } from './instance-lock.ts';
import { writeInstanceFiles, type Created, type InstancePaths } from './provision-files.ts';
import { rollbackProvision, type RollbackReport } from './rollback-provision.ts';
import { waitUntilServing, type ServingPhase } from './wait-serving.ts';

export interface AddRequest {
  name: string;
  /** null: the next free base port on the grid. */
  port: number | null;
  nodePath: string;
  entryPath: string;
  /** false: write the files only (the job loads at the next login, or with `start`). */
  start: boolean;
  timeoutMs: number;
}

export type AddPhase = 'draining' | 'loading' | ServingPhase;

export interface AddHooks {
  /** Each phase change, with the time since this phase's clock started (the load, or the drain). */
  onPhase?: (phase: AddPhase, elapsedMs: number) => void;
  /** Once the checks passed, before anything is written: what is about to be created. */
  onPlanned?: (instance: NewInstance) => void;
  /** Resolves on Ctrl-C: the wait stops and everything is rolled back. */
  interrupted?: Promise<void>;
}

export interface NewInstance extends InstancePaths {
  port: number;
}

export type AddResult =
  | { kind: 'added'; instance: NewInstance; started: { pid: number; elapsedMs: number } | null }
  /** Bad input (name, port, paths, an existing instance): nothing was created. */
  | { kind: 'bad-input'; message: string }
  /** Refused by the state of the machine (busy, launchd or lsof unreadable): nothing was created. */
  | { kind: 'failed'; message: string }
  /** Created, then failed; everything this call created has been rolled back as the report says. */
  | { kind: 'rolled-back'; instance: NewInstance; cause: string; rollback: RollbackReport };

export async function addInstance(
  ctx: FleetContext,
  request: AddRequest,
  hooks: AddHooks = {},
): Promise<AddResult> {
  const name = checkInstanceName(request.name);
  if (!name.ok) return { kind: 'bad-input', message: name.message };
  let lock;
  try {
    lock = await lockInstance(ctx.location.root, request.name, 'add');
  } catch (error) {
    if (error instanceof InstanceBusyError) return { kind: 'failed', message: error.message };
    throw error;
  }
  try {
    return await addLocked(ctx, request, hooks);
  } finally {
    await lock.release();
  }
}

async function addLocked(ctx: FleetContext, request: AddRequest, hooks: AddHooks): Promise<AddResult> {
  const label = labelFor(request.name);
  let snapshot = await gatherFleet(ctx, { details: false });
  if (onlyLoaded(snapshot, request.name)) {
    const drainStart = ctx.clock.now();
    const drained = await awaitDrain(ctx, label, () =>
      hooks.onPhase?.('draining', ctx.clock.now() - drainStart),
    );
    if (drained) snapshot = await gatherFleet(ctx, { details: false });
  }
  if (snapshot.domainProblem !== null && request.start) {
    return {
      kind: 'failed',
      message: `cannot read launchd's view (${snapshot.domainProblem}); nothing was created`,
    };
  }
  if (snapshot.listeners === null) {
    return {
      kind: 'failed',
      message: `cannot tell which ports are in use (${snapshot.listenerProblem}); nothing was created`,
    };
  }
  const plan = planNewInstance({
    name: request.name,
    requestedPort: request.port,
    discovery: snapshot.discovery,
    listeners: snapshot.listeners,
  });
  if (!plan.ok) return { kind: 'bad-input', message: plan.message };

  const stateDir = join(ctx.location.root, `${STATE_DIR_PREFIX}${request.name}`);
  const instance: NewInstance = {
    name: request.name,
    label,
    port: plan.port,
    stateDir,
    configPath: instanceConfigPath(stateDir),
    plistPath: join(ctx.location.agentsDir, `${label}.plist`),
    logPath: instanceLogPath(stateDir),
  };
  const token = generateToken();
  const plist = renderInstancePlist({
    name: request.name,
    port: plan.port,
    stateDir,
    nodePath: request.nodePath,
    entryPath: request.entryPath,
  });
  const lintErrors = lintNewPlist(ctx, instance, plist, token);
  if (lintErrors !== null) return { kind: 'bad-input', message: lintErrors };

  hooks.onPlanned?.(instance);
  const created: Created = { stateDir: false, plist: false, loaded: false };
  const rollBack = async (cause: string): Promise<AddResult> => ({
    kind: 'rolled-back',
    instance,
    cause,
    rollback: await rollbackProvision(ctx, instance, created, token),
  });
  try {
    await writeInstanceFiles(instance, ctx.location.agentsDir, { port: plan.port, token, plist }, created);
  } catch (error) {
    return rollBack(`cannot write the instance's files: ${(error as Error).message}`);
  }
  if (!request.start) return { kind: 'added', instance, started: null };

  const start = ctx.clock.now();
  const sinceStart = () => ctx.clock.now() - start;
  hooks.onPhase?.('loading', 0);
  const loaded = await ctx.launchd.load(label, instance.plistPath);
  if (loaded.kind === 'already-loaded') {
    return rollBack(`${label} was loaded by someone else meanwhile; it was left loaded`);
  }
  if (loaded.kind !== 'ok') return rollBack(`launchd did not load ${label}: ${loaded.message}`);
  created.loaded = true;
  const outcome = await waitUntilServing(
    ctx,
    { label, port: plan.port, runsBefore: 0 },
    {
      timeoutMs: request.timeoutMs,
      onPhase: (phase) => hooks.onPhase?.(phase, sinceStart()),
      ...(hooks.interrupted === undefined ? {} : { interrupted: hooks.interrupted }),
    },
  );
  if (outcome.ok) return { kind: 'added', instance, started: { pid: outcome.pid, elapsedMs: sinceStart() } };
  const cause =
    outcome.reason === 'interrupted' ? 'interrupted while waiting for the gateway to serve' : outcome.reason;
  return rollBack(cause);
}

/** The only trace of the name is a label in launchd (possibly draining after someone's bootout). */
function onlyLoaded(snapshot: FleetSnapshot, name: string): boolean {
  const record = snapshot.discovery.instances.find((i) => i.name === name);
  return (
    record !== undefined &&
    record.launchd !== null &&
    record.plist === null &&
    record.plistProblem === null &&
    record.stateDirMode === null
  );
}

const WILL_BE_DIR: PathFacts = { exists: true, isFile: false, isDirectory: true, executable: false };

/** Lints the plist before anything exists; the state and log dirs are about to be created. */
function lintNewPlist(
  ctx: FleetContext,
  instance: NewInstance,
  plist: ReturnType<typeof renderInstancePlist>,
  token: string,
): string | null {
  const logsDir = join(instance.stateDir, 'logs');
  const errors = lintInstancePlist(plist, {
    plistPath: instance.plistPath,
    expectedStateDir: instance.stateDir,
    knownTokens: [token],
    inspect: (path) => (path === logsDir || path === instance.stateDir ? WILL_BE_DIR : ctx.inspect(path)),
  }).filter((f) => f.severity === 'error');
  if (errors.length === 0) return null;
  const list = errors.map((f) => `  ${f.code}: ${f.message}\n    fix: ${f.fix}`).join('\n');
  return `the plist for ${instance.label} would break the LaunchAgent contract; nothing was created:\n${list}`;
}
