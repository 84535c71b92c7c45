// `unload` = bootout, then wait until launchd has forgotten the label: bootout returns as soon as launchd
// accepted it, while the label stays registered through SIGTERM, the job's exit timeout and SIGKILL
// (launchd.md §3.2, §8).
import { parseServicePrint } from '../core/launchctl-parse-print-service.ts';
import type { UnloadResult } from '../ports/launchd.ts';
import { portFailure, type LaunchctlContext } from './launchctl-call.ts';

export interface UnloadTiming {
  /** Pause between `print` polls. */
  pollMs: number;
  /** Added to the job's exit timeout to bound the wait. */
  marginMs: number;
  /** Upper bound of the wait, for ExitTimeOut = 0 ("wait forever") and absurd values. */
  capMs: number;
}

// launchd's exit timeout for jobs that do not set ExitTimeOut (print shows `exit timeout = 5`).
const DEFAULT_EXIT_TIMEOUT_S = 5;

export async function unloadJob(
  context: LaunchctlContext,
  timing: UnloadTiming,
  label: string,
): Promise<UnloadResult> {
  const { call, domain, clock } = context;
  const target = `${domain}/${label}`;
  const started = clock.now();
  const out = await call('bootout', target);
  if (out.kind === 'broken') return out.failure;
  if (out.kind === 'refused') {
    if (out.failure.kind === 'not-loaded') return { kind: 'not-loaded' };
    // 36 (10.15): accepted and under way; wait for it like for a silent success.
    if (out.failure.kind !== 'in-progress') return portFailure(out.failure, out.command);
  }
  // The draining job's own print tells its exit timeout, which bounds the wait.
  let waitMs = boundFor(DEFAULT_EXIT_TIMEOUT_S, timing);
  for (;;) {
    const probe = await call('print', target);
    if (probe.kind === 'broken') return probe.failure;
    if (probe.kind === 'refused') {
      if (probe.failure.kind === 'not-loaded') return { kind: 'ok' };
      return portFailure(probe.failure, probe.command);
    }
    const exitTimeoutS = parseServicePrint(probe.stdout).exitTimeoutSeconds;
    if (exitTimeoutS !== null) waitMs = boundFor(exitTimeoutS, timing);
    if (clock.now() - started + timing.pollMs > waitMs) {
      return {
        kind: 'timed-out',
        afterMs: waitMs,
        message: `${target} was still loaded ${waitMs} ms after \`${out.command}\``,
      };
    }
    await clock.sleep(timing.pollMs);
  }
}

function boundFor(exitTimeoutS: number, timing: UnloadTiming): number {
  if (exitTimeoutS === 0) return timing.capMs;
  return Math.min(exitTimeoutS * 1000 + timing.marginMs, timing.capMs);
}
