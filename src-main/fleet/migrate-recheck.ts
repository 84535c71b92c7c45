// The plan is made from facts read before the locks were taken. Once they are held, this checks that
// what the plan relies on still holds, so a second migrate (or a hand-started job) that got in between
// stops the run before anything changes.
import { lstat } from 'node:fs/promises';
import type { MigrationPlan } from '../core/migration-plan.ts';
import type { FleetContext } from './fleet-context.ts';

export async function recheckPlan(ctx: FleetContext, plan: MigrationPlan): Promise<void> {
  const problems: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'move' && !(await exists(step.from))) problems.push(`${step.from} is gone`);
  }
  if (await exists(plan.stateDir)) problems.push(`${plan.stateDir} now exists`);
  if (await exists(plan.plistPath)) problems.push(`${plan.plistPath} now exists`);
  if (plan.legacy !== null) {
    if (plan.legacy.plistPath !== null && !(await exists(plan.legacy.plistPath))) {
      problems.push(`${plan.legacy.plistPath} is gone`);
    }
    const status = await ctx.launchd.status(plan.legacy.label);
    if (status.kind !== 'ok') problems.push(`launchctl: ${status.message}`);
    // Not unloading a job that was started since would move its state from under it.
    else if (status.job.loaded !== plan.legacy.loaded) {
      problems.push(`${plan.legacy.label} is ${status.job.loaded ? 'loaded' : 'no longer loaded'} now`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`the layout changed since it was read (${problems.join('; ')}): run migrate again`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
