// Runs a migration plan step by step. When a step fails, every done step is undone in reverse order
// (migrate-restore.ts), so the user is left with the legacy layout and job they had, plus the backup.
import { readFile, unlink } from 'node:fs/promises';
import { lastErrorLine, LOG_TAIL_BYTES } from '../core/last-error-line.ts';
import { applyConfigEdits } from '../core/migration-config.ts';
import { LEGACY_NAME } from '../core/migration-legacy.ts';
import type { MigrationPlan } from '../core/migration-plan.ts';
import type { MigrationStep } from '../core/migration-steps.ts';
import { parseGatewayConfig } from '../core/gateway-config.ts';
import { instanceLogPath } from '../core/plist-contract.ts';
import { writeFileAtomic } from '../platform/atomic-file.ts';
import { writePlistFile } from '../platform/plist-file.ts';
import { generateToken } from '../platform/token.ts';
import type { FleetContext } from './fleet-context.ts';
import { lockInstance, type InstanceLock } from './instance-lock.ts';
import {
  copyFileExclusive,
  copyTree,
  createPrivateDir,
  ensurePrivateDir,
  moveFile,
} from './migrate-files.ts';
import { migrationManifest } from './migrate-manifest.ts';
import { recheckPlan } from './migrate-recheck.ts';
import { restoreMigration, type RestoreReport } from './migrate-restore.ts';
import { waitUntilServing } from './wait-serving.ts';

export interface MigrationRunOptions {
  /** Called as each step starts, with its index in plan.steps. */
  onStep?: (index: number) => void;
  interrupted?: Promise<void>;
}

export type MigrationOutcome =
  | { ok: true; pid: number; elapsedMs: number }
  | { ok: false; failedIndex: number; cause: string; lastLogLine: string | null; restore: RestoreReport };

interface RunState {
  locks: InstanceLock[];
  pid: number | null;
  elapsedMs: number;
}

export async function runMigration(
  ctx: FleetContext,
  plan: MigrationPlan,
  options: MigrationRunOptions = {},
): Promise<MigrationOutcome> {
  const state: RunState = { locks: [], pid: null, elapsedMs: 0 };
  const done: MigrationStep[] = [];
  try {
    for (const [index, step] of plan.steps.entries()) {
      options.onStep?.(index);
      try {
        await runStep(ctx, plan, step, state, options);
      } catch (error) {
        const cause = error instanceof Error ? error.message : String(error);
        // Read before the undo moves the instance dir away.
        const lastLogLine =
          step.kind === 'load' || step.kind === 'wait-serving' ? await lastLine(ctx, plan) : null;
        // A failed load or unload may have half-happened; its undo (unload, reload) is safe either way.
        const partial = step.kind === 'load' || step.kind === 'unload-legacy' ? [step] : [];
        const restore = await restoreMigration(ctx, plan, [...partial, ...done.reverse()], options);
        return { ok: false, failedIndex: index, cause, lastLogLine, restore };
      }
      done.push(step);
    }
  } finally {
    for (const lock of state.locks.reverse()) await lock.release();
  }
  return { ok: true, pid: state.pid ?? 0, elapsedMs: state.elapsedMs };
}

async function runStep(
  ctx: FleetContext,
  plan: MigrationPlan,
  step: MigrationStep,
  state: RunState,
  options: MigrationRunOptions,
): Promise<void> {
  switch (step.kind) {
    case 'lock':
      state.locks.push(await lockInstance(ctx.location.root, LEGACY_NAME, 'migrate'));
      state.locks.push(await lockInstance(ctx.location.root, plan.name, 'migrate'));
      return recheckPlan(ctx, plan);
    case 'unload-legacy': {
      const result = await ctx.launchd.unload(step.label);
      if (result.kind !== 'ok' && result.kind !== 'not-loaded')
        throw new Error(`launchctl: ${result.message}`);
      return;
    }
    case 'backup-file':
      return copyFileExclusive(step.from, step.to);
    case 'backup-tree':
      return copyTree(step.from, step.to);
    case 'write-manifest':
      await writeFileAtomic(step.path, migrationManifest(plan, ctx.location), { mode: 0o600 });
      return;
    case 'create-state-dir':
      return createPrivateDir(step.path);
    case 'move':
      return moveFile(step.from, step.to);
    case 'ensure-dir':
      return ensurePrivateDir(step.path);
    case 'write-config':
      return writeConfig(step.path, step.create, plan);
    case 'write-plist':
      await writePlistFile(step.path, plan.plist);
      return;
    case 'retire-legacy-plist':
      // The copy was made by an earlier step; make sure it is there before the original goes.
      await readFile(step.backup);
      return unlink(step.path);
    case 'load': {
      const result = await ctx.launchd.load(step.label, step.plistPath);
      if (result.kind === 'already-loaded')
        throw new Error(`${step.label} was already loaded by someone else`);
      if (result.kind !== 'ok') throw new Error(`launchctl: ${result.message}`);
      return;
    }
    case 'wait-serving': {
      const outcome = await waitUntilServing(
        ctx,
        { label: step.label, port: step.port, runsBefore: 0 },
        {
          timeoutMs: step.timeoutSeconds * 1000,
          ...(options.interrupted ? { interrupted: options.interrupted } : {}),
        },
      );
      if (!outcome.ok) throw new Error(outcome.reason);
      state.pid = outcome.pid;
      state.elapsedMs = outcome.elapsedMs;
      return;
    }
  }
}

async function writeConfig(path: string, create: boolean, plan: MigrationPlan): Promise<void> {
  let raw: Record<string, unknown> | null = null;
  if (!create) {
    const parsed = parseGatewayConfig(await readFile(path, 'utf8'));
    if (!parsed.ok) throw new Error(`${path} is ${parsed.message}`);
    raw = parsed.raw;
  }
  const token = plan.tokenAction === 'generate' ? generateToken() : null;
  // The original bytes are in the backup (an earlier step), so no second copy is made here.
  await writeFileAtomic(path, applyConfigEdits(raw, plan.configEdits, token), { mode: 0o600 });
}

async function lastLine(ctx: FleetContext, plan: MigrationPlan): Promise<string | null> {
  const tail = await ctx.readLogTail(instanceLogPath(plan.stateDir), LOG_TAIL_BYTES);
  return tail === null ? null : lastErrorLine(tail);
}
