// Waits until an instance really serves: launchd has a (new) pid, that pid listens on the port, and
// `/healthz` answers. Fails fast with the cause when the process exits during start, instead of
// waiting out the timeout while KeepAlive respawns it.
import type { LastExit } from '../core/launchd-status.ts';
import type { FleetContext } from './fleet-context.ts';

export interface ServingTarget {
  label: string;
  port: number;
  /** launchd's `runs` before the operation (0 when it was not loaded): the next spawn is ours. */
  runsBefore: number;
}

export type ServingPhase = 'spawn' | 'port' | 'healthz';

export type ServingOutcome =
  | { ok: true; pid: number; elapsedMs: number }
  | { ok: false; reason: string; pid: number | null; lastExit: LastExit | null; elapsedMs: number };

export interface ServingOptions {
  timeoutMs: number;
  pollMs?: number;
  onPhase?: (phase: ServingPhase, elapsedMs: number) => void;
  interrupted?: Promise<void>;
}

export async function waitUntilServing(
  ctx: FleetContext,
  target: ServingTarget,
  options: ServingOptions,
): Promise<ServingOutcome> {
  const start = ctx.clock.now();
  const elapsed = () => ctx.clock.now() - start;
  let cancelled = false;
  void options.interrupted?.then(() => (cancelled = true));
  let seenPid: number | null = null;
  let phase: ServingPhase | null = null;
  const enter = (next: ServingPhase) => {
    if (phase !== next) options.onPhase?.(next, elapsed());
    phase = next;
  };
  const fail = (reason: string, pid: number | null, lastExit: LastExit | null): ServingOutcome => ({
    ok: false,
    reason,
    pid,
    lastExit,
    elapsedMs: elapsed(),
  });

  for (;;) {
    if (cancelled) return fail('interrupted', seenPid, null);
    if (elapsed() > options.timeoutMs) {
      return fail(
        `not serving after ${seconds(options.timeoutMs)} s (${waitingFor(phase, target.port)})`,
        seenPid,
        null,
      );
    }
    const status = await ctx.launchd.status(target.label);
    if (status.kind !== 'ok') return fail(`launchctl: ${status.message}`, seenPid, null);
    const job = status.job;
    if (!job.loaded) return fail(`${target.label} is no longer loaded in launchd`, seenPid, null);
    // Spawns since the operation: the first is ours; a second, or ours gone, means it exited.
    const spawns = (job.runs ?? 0) - target.runsBefore;
    if (spawns >= 2 || (spawns === 1 && job.pid === null)) {
      return fail(`the gateway exited during start (${describeExit(job.lastExit)})`, seenPid, job.lastExit);
    }
    if (spawns < 1 || job.pid === null) {
      enter('spawn');
    } else {
      seenPid = job.pid;
      const scan = await ctx.scanListeners();
      const listening = !scan.ok || scan.listeners.some((l) => l.port === target.port && l.pid === job.pid);
      if (!listening) {
        enter('port');
      } else {
        enter('healthz');
        const healthz = await ctx.probeHealthz(target.port);
        if (healthz.ok) return { ok: true, pid: job.pid, elapsedMs: elapsed() };
      }
    }
    await ctx.clock.sleep(options.pollMs ?? 200);
  }
}

function waitingFor(phase: ServingPhase | null, port: number): string {
  switch (phase) {
    case 'port':
      return `the process never listened on port ${port}`;
    case 'healthz':
      return `port ${port} listens but /healthz does not answer`;
    default:
      return 'launchd did not start a process';
  }
}

export function describeExit(last: LastExit): string {
  if (last.signal !== null) return `killed by signal ${last.signal}`;
  if (last.code !== null) return `exit ${last.code}`;
  return 'no exit status';
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}
