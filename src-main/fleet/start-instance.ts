// `start`: make one instance serve. Not loaded: check the plist and the fleet around it, then
// enable + bootstrap. Loaded but idle (throttled, crash-looping): kickstart it now. Already running:
// say so, waiting for it when it is still coming up. Every path ends in a verified outcome: a pid that
// owns the port and answers /healthz, or the precise reason it does not.
import { differsFromLoaded } from '../core/audit/runtime-rules.ts';
import type { ServiceStatus } from '../core/launchd-status.ts';
import type { LaunchAgentPlist } from '../core/plist-contract.ts';
import { awaitServing, hasPort, servesNow, type AwaitOptions } from './await-serving.ts';
import {
  failed,
  ok,
  seconds,
  settledStatus,
  withInstance,
  type OperationResult,
} from './control-instance.ts';
import type { FleetContext } from './fleet-context.ts';
import { checkFleetAround, checkPlist } from './start-preflight.ts';

export async function startInstance(
  ctx: FleetContext,
  name: string,
  options: AwaitOptions,
): Promise<OperationResult> {
  return withInstance(ctx, name, 'start', async ({ record, snapshot }) => {
    const { label } = record;
    const status = await settledStatus(ctx, label, options.progress);
    if (status.kind !== 'ok') return failed(`cannot read launchd's view of ${label}: ${status.message}`);
    const job = status.job;

    if (
      job.loaded &&
      job.pid !== null &&
      record.port !== null &&
      (await servesNow(ctx, snapshot, record.port, job.pid))
    ) {
      return ok(`already running: ${label} pid ${job.pid}`, ...staleCopyNote(record.plist, job, name));
    }
    // launchd reads the plist only when it loads it; the fleet around matters whenever a gateway spawns.
    const refused =
      (job.loaded ? null : checkPlist(ctx, snapshot, record)) ??
      (await checkFleetAround(ctx, snapshot, record));
    if (refused) return refused;
    if (!hasPort(record))
      return failed(`${label} has no port in its plist or config, so its start cannot be verified`);

    const began = ctx.clock.now();
    let runsBefore: number;
    if (!job.loaded) {
      options.progress(`loading ${label} (launchctl enable + bootstrap)`);
      const loaded = await ctx.launchd.load(label, record.plistPath);
      // Loaded by someone else in the meantime: its first spawn is the one to wait for.
      if (loaded.kind !== 'ok' && loaded.kind !== 'already-loaded') {
        return failed(`launchd refused to load ${label}: ${loaded.message}`);
      }
      runsBefore = 0;
    } else if (job.pid === null) {
      // Loaded without a process (throttled after an exit, or never spawned): spawn it now rather
      // than wait out the throttle. kickstart -k kills nothing here because nothing runs.
      options.progress(`${label} is loaded but ${job.state}; launchctl kickstart`);
      const kicked = await ctx.launchd.restart(label, record.plistPath);
      if (kicked.kind !== 'ok' && kicked.kind !== 'already-loaded')
        return failed(`launchd refused to start ${label}: ${kicked.message}`);
      runsBefore = kicked.kind === 'ok' && kicked.via === 'kickstart' ? (job.runs ?? 0) : 0;
    } else {
      // Running but not serving yet, started by launchd at login or by someone else: wait for it.
      options.progress(`${label} is running as pid ${job.pid} but not serving yet`);
      runsBefore = Math.max((job.runs ?? 1) - 1, 0);
    }

    const served = await awaitServing(ctx, record, runsBefore, options);
    if (!served.ok) return failed(served.message);
    const after = seconds(ctx.clock.now() - began);
    const note = job.loaded ? staleCopyNote(record.plist, job, name) : [];
    if (job.loaded && job.pid !== null)
      return ok(`already running: ${label} pid ${served.pid}, serving after ${after}`, ...note);
    return ok(`started ${label}: pid ${served.pid}, serving after ${after}`, ...note);
  });
}

/** start never replaces a loaded copy; when the plist on disk differs, say how to apply it. */
function staleCopyNote(plist: LaunchAgentPlist | null, job: ServiceStatus, name: string): string[] {
  if (plist === null || !differsFromLoaded(plist, job)) return [];
  return [
    `note: the plist changed since launchd loaded it; openclaw-fleet restart ${name} applies the change`,
  ];
}
