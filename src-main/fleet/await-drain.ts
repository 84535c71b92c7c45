// A label that launchd is still tearing down (after a bootout by another tool, e.g. `openclaw gateway
// uninstall`, which moves the plist away without waiting) is on its way out, not an instance. Waiting
// for it here lets `add` reuse the name instead of refusing it or bootstrapping into launchd's 5.
import { isBeingTornDown } from '../core/launchctl-parse-print-service.ts';
import type { FleetContext } from './fleet-context.ts';

const POLL_MS = 200;
/** Beyond the job's ExitTimeOut (after which launchd SIGKILLs), the time a kill and reap may take. */
const MARGIN_MS = 5_000;
const CAP_MS = 65_000;

/** True when the label was draining and is gone now; false when there was nothing to wait for. */
export async function awaitDrain(ctx: FleetContext, label: string, onWait?: () => void): Promise<boolean> {
  const first = await ctx.launchd.status(label);
  if (first.kind !== 'ok' || !first.job.loaded || !isBeingTornDown(first.job.state)) return false;
  onWait?.();
  // ExitTimeOut = 0 means "never SIGKILL"; the cap keeps the wait finite.
  const exitTimeoutS = first.job.exitTimeoutSeconds ?? 5;
  const boundMs = exitTimeoutS === 0 ? CAP_MS : Math.min(exitTimeoutS * 1000 + MARGIN_MS, CAP_MS);
  const deadline = ctx.clock.now() + boundMs;
  while (ctx.clock.now() < deadline) {
    await ctx.clock.sleep(POLL_MS);
    const status = await ctx.launchd.status(label);
    if (status.kind === 'ok' && !status.job.loaded) return true;
  }
  return false;
}
