// What start, stop, restart and logs share: finding the instance by name, holding its lock for the
// whole operation, and the shape of an outcome the CLI (or the app) turns into text and an exit code.
import type { InstanceRecord } from '../core/discovery.ts';
import { isBeingTornDown } from '../core/launchctl-parse-print-service.ts';
import type { StatusResult } from '../ports/launchd.ts';
import { awaitDrain } from './await-drain.ts';
import type { FleetContext } from './fleet-context.ts';
import { gatherFleet, type FleetSnapshot } from './gather-fleet.ts';
import { InstanceBusyError, lockInstance } from './instance-lock.ts';

export type OperationResult =
  /** Done and verified; `lines` say what happened. */
  | { kind: 'ok'; lines: string[] }
  /** Bad input (unknown instance, unusable plist): nothing was changed. */
  | { kind: 'bad-input'; message: string }
  /** The operation ran, or was refused by the state of the machine, and did not reach its goal. */
  | { kind: 'failed'; message: string };

/** One step of a long operation, for a progress display; the caller adds timing. */
export type Progress = (step: string) => void;

export interface OpenInstance {
  record: InstanceRecord;
  /** Gathered after the lock was taken, so no other fleet operation changes it underneath. */
  snapshot: FleetSnapshot;
}

export const ok = (...lines: string[]): OperationResult => ({ kind: 'ok', lines });
export const failed = (message: string): OperationResult => ({ kind: 'failed', message });
export const badInput = (message: string): OperationResult => ({ kind: 'bad-input', message });

export function findInstance(snapshot: FleetSnapshot, name: string): InstanceRecord | null {
  return snapshot.discovery.instances.find((i) => i.name === name) ?? null;
}

export function unknownInstance(snapshot: FleetSnapshot, name: string): OperationResult {
  const known = snapshot.discovery.instances.map((i) => i.name);
  return badInput(
    `unknown instance '${name}'; known: ${known.join(', ') || 'none (run openclaw-fleet add <name>)'}`,
  );
}

/**
 * Runs `body` on a known instance while holding its lock. The name is checked against the fleet
 * before the lock is taken, so a typo never creates lock files (or a root dir); the fleet is read
 * again under the lock because another operation may have changed it in between.
 */
export async function withInstance(
  ctx: FleetContext,
  name: string,
  operation: string,
  body: (open: OpenInstance) => Promise<OperationResult>,
): Promise<OperationResult> {
  const first = await gatherFleet(ctx, { details: false });
  if (findInstance(first, name) === null) return unknownInstance(first, name);
  let lock;
  try {
    lock = await lockInstance(ctx.location.root, name, operation);
  } catch (error) {
    if (error instanceof InstanceBusyError) return failed(error.message);
    throw error;
  }
  try {
    const snapshot = await gatherFleet(ctx, { details: false });
    const record = findInstance(snapshot, name);
    if (record === null) return unknownInstance(snapshot, name);
    return await body({ record, snapshot });
  } finally {
    await lock.release();
  }
}

/**
 * launchd's view of the job, after any teardown in progress has finished: a job another tool booted
 * out still prints (and may still serve) until its process is gone, but is on its way out.
 */
export async function settledStatus(
  ctx: FleetContext,
  label: string,
  progress: Progress,
): Promise<StatusResult> {
  const status = await ctx.launchd.status(label);
  if (status.kind !== 'ok' || !status.job.loaded || !isBeingTornDown(status.job.state)) return status;
  progress(`${label} is being unloaded by launchd (${status.job.state}); waiting until it is gone`);
  await awaitDrain(ctx, label);
  return ctx.launchd.status(label);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
