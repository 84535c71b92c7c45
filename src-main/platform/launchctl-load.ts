// `load` = enable + bootstrap, with the follow-up launchd.md §8 asks for: a bootstrap refused with 5/37 is
// either "already loaded" or "the previous instance is still draining after a bootout". print tells them
// apart; a draining label is retried until the drain window is over.
import type { LaunchctlFailure } from '../core/launchctl-parse-failure.ts';
import { parsePrintDisabled } from '../core/launchctl-parse-print-domain.ts';
import { isBeingTornDown, parseServicePrint } from '../core/launchctl-parse-print-service.ts';
import type { LoadResult } from '../ports/launchd.ts';
import { portFailure, refusalMessage, type LaunchctlContext } from './launchctl-call.ts';

export interface LoadTiming {
  /** How long refused bootstraps are retried while the label is not (or no longer) loaded. */
  drainWindowMs: number;
  /** Pause between those attempts. */
  bootstrapRetryMs: number;
}

export async function loadJob(
  context: LaunchctlContext,
  timing: LoadTiming,
  label: string,
  plistPath: string,
): Promise<LoadResult> {
  const { call, domain, clock } = context;
  const target = `${domain}/${label}`;
  // A disabled override survives bootout and reboots; without clearing it, bootstrap fails forever.
  const enabled = await call('enable', target);
  if (enabled.kind === 'broken') return enabled.failure;
  if (enabled.kind === 'refused') return portFailure(enabled.failure, enabled.command);

  const deadline = clock.now() + timing.drainWindowMs;
  for (;;) {
    const boot = await call('bootstrap', domain, plistPath);
    if (boot.kind === 'succeeded') return { kind: 'ok' };
    if (boot.kind === 'broken') return boot.failure;
    const { failure, command } = boot;
    if (failure.kind === 'disabled') return disabled(label, failure, command);
    if (failure.kind !== 'generic-or-already-loaded') return portFailure(failure, command);
    // Only print can tell "already loaded" from "draining". A draining job is still printed, but in a
    // teardown state; a job that is gone answers 113.
    const probe = await call('print', target);
    if (probe.kind === 'broken') return probe.failure;
    if (probe.kind === 'succeeded' && !isBeingTornDown(parseServicePrint(probe.stdout).state)) {
      return { kind: 'already-loaded' };
    }
    if (probe.kind === 'refused' && probe.failure.kind !== 'not-loaded') {
      return portFailure(probe.failure, probe.command);
    }
    if (clock.now() + timing.bootstrapRetryMs > deadline) {
      return refusedAfterDrainWindow(context, timing, label, failure, command);
    }
    await clock.sleep(timing.bootstrapRetryMs);
  }
}

/** The last refusal once the drain window is over. Non-root launchctl answers "disabled" with the same 5. */
async function refusedAfterDrainWindow(
  { call, domain }: LaunchctlContext,
  timing: LoadTiming,
  label: string,
  failure: LaunchctlFailure,
  command: string,
): Promise<LoadResult> {
  const overrides = await call('print-disabled', domain);
  if (overrides.kind === 'succeeded' && parsePrintDisabled(overrides.stdout)?.[label] === true) {
    return disabled(label, failure, command);
  }
  const detail = ` (still refused after retrying for ${timing.drainWindowMs} ms)`;
  return {
    kind: 'failed',
    exitCode: failure.exitCode,
    stderr: failure.stderr,
    message: refusalMessage(failure, command, detail),
  };
}

function disabled(label: string, failure: LaunchctlFailure, command: string): LoadResult {
  return {
    kind: 'disabled',
    stderr: failure.stderr,
    message: refusalMessage(failure, command, ` (${label} is disabled)`),
  };
}
