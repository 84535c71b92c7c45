// `stop`: bootout, so KeepAlive cannot bring the gateway back, then verify instead of trusting
// launchctl: the label is gone (the port's unload waits for that), the old pid has exited and nobody
// listens on the port any more. A plain stop persists no "disabled" override: the next start or
// login loads it again, as `openclaw gateway stop` does.
import type { Listener } from '../core/listeners.ts';
import {
  failed,
  ok,
  seconds,
  withInstance,
  type OperationResult,
  type Progress,
} from './control-instance.ts';
import type { Clock, FleetContext } from './fleet-context.ts';
import { isAlive } from '../platform/state-dir-owner.ts';
import { announceExit } from './announce-exit.ts';

/** After launchd forgot the label its process is gone; this only absorbs the kernel's bookkeeping. */
const VERIFY_MS = 5_000;
const POLL_MS = 100;

export async function stopInstance(
  ctx: FleetContext,
  name: string,
  options: { progress: Progress },
): Promise<OperationResult> {
  return withInstance(ctx, name, 'stop', async ({ record }) => {
    const { label, port } = record;
    const status = await ctx.launchd.status(label);
    if (status.kind !== 'ok') return failed(`cannot read launchd's view of ${label}: ${status.message}`);
    if (!status.job.loaded) return ok(`already stopped: ${label} is not loaded`);
    const pid = status.job.pid;

    const notes = await announceExit(ctx, name, pid, 'stop');
    const began = ctx.clock.now();
    options.progress(`launchctl bootout ${label}; waiting until launchd has let go of it`);
    const unloaded = await ctx.launchd.unload(label);
    if (unloaded.kind !== 'ok' && unloaded.kind !== 'not-loaded') {
      return failed(`launchd could not stop ${label}: ${unloaded.message}`);
    }
    if (pid !== null) {
      options.progress(`waiting for pid ${pid} to exit`);
      // Signal 0 asks the kernel directly; a failing `ps` would have read as "gone".
      const gone = await pollUntil(ctx.clock, async () => !isAlive(pid));
      if (!gone) {
        return failed(
          `${label} is unloaded, but its pid ${pid} is still alive ${seconds(ctx.clock.now() - began)} later`,
        );
      }
    }
    let portNote: string[] = [];
    if (port !== null) {
      options.progress(`waiting for port ${port} to be free`);
      let holders: Listener[] = [];
      let scanProblem: string | null = null;
      const free = await pollUntil(ctx.clock, async () => {
        const scan = await ctx.scanListeners();
        if (!scan.ok) scanProblem = scan.message;
        holders = scan.ok ? scan.listeners.filter((l) => l.port === port) : [];
        return holders.length === 0;
      });
      if (!free) {
        const who = holders.map((l) => `pid ${l.pid} (${l.command})`).join(', ');
        return failed(
          `${label} is stopped (was ${pid === null ? 'not running' : `pid ${pid}`}), but port ${port} is still held by ${who}`,
        );
      }
      if (scanProblem !== null) portNote = [`note: port ${port} was not checked: ${scanProblem}`];
    }
    const was = pid === null ? 'was not running' : `was pid ${pid}`;
    return ok(`stopped ${label} (${was}) after ${seconds(ctx.clock.now() - began)}`, ...portNote, ...notes);
  });
}

async function pollUntil(clock: Clock, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = clock.now() + VERIFY_MS;
  for (;;) {
    if (await check()) return true;
    if (clock.now() >= deadline) return false;
    await clock.sleep(POLL_MS);
  }
}
