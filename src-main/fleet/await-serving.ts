// The last step of start and restart: wait until the new process really serves, reporting each phase
// as progress, and on failure the precise story instead of a bare timeout.
import type { InstanceRecord } from '../core/discovery.ts';
import type { Progress } from './control-instance.ts';
import type { FleetContext } from './fleet-context.ts';
import type { FleetSnapshot } from './gather-fleet.ts';
import { describeServingFailure } from './serving-failure.ts';
import { waitUntilServing, type ServingPhase } from './wait-serving.ts';

export interface AwaitOptions {
  timeoutMs: number;
  interrupted: Promise<void>;
  progress: Progress;
}

export type Served = { ok: true; pid: number } | { ok: false; message: string };

export async function awaitServing(
  ctx: FleetContext,
  record: InstanceRecord & { port: number },
  runsBefore: number,
  options: AwaitOptions,
): Promise<Served> {
  const outcome = await waitUntilServing(
    ctx,
    { label: record.label, port: record.port, runsBefore },
    {
      timeoutMs: options.timeoutMs,
      interrupted: options.interrupted,
      onPhase: (phase) => options.progress(phaseText(phase, record.port)),
    },
  );
  if (outcome.ok) return { ok: true, pid: outcome.pid };
  return { ok: false, message: await describeServingFailure(ctx, record, outcome) };
}

function phaseText(phase: ServingPhase, port: number): string {
  switch (phase) {
    case 'spawn':
      return 'waiting for launchd to spawn the gateway';
    case 'port':
      return `process is up; waiting for it to listen on port ${port}`;
    case 'healthz':
      return `port ${port} is open; waiting for /healthz`;
  }
}

/** Running and answering: the pid owns the port (when listeners can be read) and /healthz says ok. */
export async function servesNow(
  ctx: FleetContext,
  snapshot: FleetSnapshot,
  port: number,
  pid: number,
): Promise<boolean> {
  const owns =
    snapshot.listeners === null || snapshot.listeners.some((l) => l.port === port && l.pid === pid);
  return owns && (await ctx.probeHealthz(port)).ok;
}

export function hasPort(record: InstanceRecord): record is InstanceRecord & { port: number } {
  return record.port !== null;
}
