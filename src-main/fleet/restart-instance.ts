// `restart`: replace the running gateway with a new process and verify the new one serves.
// - loaded, plist unchanged: `kickstart -k` (no deregistration, so no bootout drain race);
// - loaded, plist edited since launchd parsed it: kickstart would rerun the old copy, so unload + load;
// - not loaded: load it (after the same checks as start).
import { differsFromLoaded } from '../core/audit/runtime-rules.ts';
import { awaitServing, hasPort, type AwaitOptions } from './await-serving.ts';
import {
  failed,
  ok,
  seconds,
  settledStatus,
  withInstance,
  type OperationResult,
} from './control-instance.ts';
import type { FleetContext } from './fleet-context.ts';
import { announceExit } from './announce-exit.ts';
import { checkFleetAround, checkPlist } from './start-preflight.ts';

export async function restartInstance(
  ctx: FleetContext,
  name: string,
  options: AwaitOptions,
): Promise<OperationResult> {
  return withInstance(ctx, name, 'restart', async ({ record, snapshot }) => {
    const { label } = record;
    const status = await settledStatus(ctx, label, options.progress);
    if (status.kind !== 'ok') return failed(`cannot read launchd's view of ${label}: ${status.message}`);
    const job = status.job;
    const changed = job.loaded && record.plist !== null && differsFromLoaded(record.plist, job);
    if (!job.loaded || changed) {
      const refused = checkPlist(ctx, snapshot, record) ?? (await checkFleetAround(ctx, snapshot, record));
      if (refused) return refused;
    }
    if (!hasPort(record))
      return failed(`${label} has no port in its plist or config, so its restart cannot be verified`);

    const oldPid = job.loaded ? job.pid : null;
    const began = ctx.clock.now();
    // Before launchd is touched: a monitor that sees the new pid must already find the announcement.
    const notes = await announceExit(ctx, name, oldPid, 'restart');
    let runsBefore = 0;
    if (!job.loaded) {
      options.progress(`${label} is not loaded; loading it (launchctl enable + bootstrap)`);
      const loaded = await ctx.launchd.load(label, record.plistPath);
      if (loaded.kind !== 'ok' && loaded.kind !== 'already-loaded') {
        return failed(`launchd refused to load ${label}: ${loaded.message}`);
      }
      notes.push(`${label} was not loaded, so it was loaded`);
    } else if (changed) {
      notes.push(
        `the plist changed since launchd loaded it, so ${label} was unloaded and loaded again to apply it`,
      );
      options.progress(
        `plist changed since load; launchctl bootout ${label} and waiting until launchd has let go of it`,
      );
      const unloaded = await ctx.launchd.unload(label);
      if (unloaded.kind !== 'ok' && unloaded.kind !== 'not-loaded') {
        return failed(`launchd could not unload ${label} to apply its changed plist: ${unloaded.message}`);
      }
      options.progress(`loading the changed plist (launchctl enable + bootstrap)`);
      const loaded = await ctx.launchd.load(label, record.plistPath);
      if (loaded.kind !== 'ok' && loaded.kind !== 'already-loaded') {
        return failed(
          `${label} was unloaded, but launchd refused to load the changed plist: ${loaded.message}`,
        );
      }
    } else {
      options.progress(`launchctl kickstart -k ${label}`);
      const kicked = await ctx.launchd.restart(label, record.plistPath);
      if (kicked.kind !== 'ok' && kicked.kind !== 'already-loaded')
        return failed(`launchd refused to restart ${label}: ${kicked.message}`);
      // kickstart -k keeps the job and its counters, so the next spawn is runs + 1; a job that
      // vanished in between was loaded afresh and counts from 0.
      runsBefore = kicked.kind === 'ok' && kicked.via === 'kickstart' ? (job.runs ?? 0) : 0;
    }

    const served = await awaitServing(ctx, record, runsBefore, options);
    if (!served.ok) return failed(served.message);
    if (oldPid !== null && served.pid === oldPid) {
      return failed(`${label} still runs the old pid ${oldPid}: launchd did not replace the process`);
    }
    const change = oldPid === null ? `not running -> pid ${served.pid}` : `pid ${oldPid} -> ${served.pid}`;
    return ok(`restarted ${label}: ${change}, serving after ${seconds(ctx.clock.now() - began)}`, ...notes);
  });
}
