// The status of every instance, in the contract's JSON shape (docs/contracts.md): gathered with a
// constant number of subprocesses (launchctl print of the domain, lsof, ps) plus one print per
// loaded instance, and HTTP/WebSocket probes run in parallel.
import {
  reduceHealth,
  type InstanceHealth,
  type LayerName,
  type LayerState,
} from '../core/instance-health.ts';
import type { InstanceRecord } from '../core/discovery.ts';
import { LOG_TAIL_BYTES, lastErrorLine } from '../core/last-error-line.ts';
import { listenersByPort } from '../core/listeners.ts';
import { lintInstancePlist } from '../core/plist-lint.ts';
import { instanceLogPath } from '../core/plist-contract.ts';
import type { HealthState } from '../shared/health-state.ts';
import type { FleetContext } from './fleet-context.ts';
import { gatherFleet, type FleetSnapshot } from './gather-fleet.ts';

export interface InstanceStatus {
  name: string;
  label: string;
  stateDir: string;
  plistPath: string;
  health: HealthState;
  reason: string | null;
  lastError: string | null;
  launchd: {
    loaded: boolean;
    state: string | null;
    pid: number | null;
    runs: number | null;
    lastExitCode: number | null;
    lastSignal: number | null;
    disabled: boolean;
  };
  /** The instance's port and who listens on it. */
  port: { number: number | null; listening: boolean | null; ownerPid: number | null };
  layers: Record<LayerName, LayerState>;
}

export async function fleetStatus(
  ctx: FleetContext,
  names: readonly string[] = [],
): Promise<{ snapshot: FleetSnapshot; instances: InstanceStatus[] }> {
  const snapshot = await gatherFleet(ctx, { details: true });
  const chosen = snapshot.discovery.instances.filter((i) => names.length === 0 || names.includes(i.name));
  const pids = chosen.flatMap((i) => (i.launchd?.pid != null ? [i.launchd.pid] : []));
  const ages = await ctx.processAges(pids);
  const instances = await Promise.all(chosen.map((record) => instanceStatus(ctx, snapshot, record, ages)));
  return { snapshot, instances };
}

async function instanceStatus(
  ctx: FleetContext,
  snapshot: FleetSnapshot,
  record: InstanceRecord,
  ages: Map<number, number>,
): Promise<InstanceStatus> {
  const detail = snapshot.loadedDetails.get(record.label) ?? null;
  const pid = record.launchd?.pid ?? null;
  const listeners =
    snapshot.listeners === null || record.port === null
      ? null
      : (listenersByPort(snapshot.listeners).get(record.port) ?? []);
  const ownsPort = pid !== null && listeners !== null && listeners.some((l) => l.pid === pid);
  const probePort = ownsPort || (listeners === null && pid !== null) ? record.port : null;
  const token = record.config?.token ?? null;
  const [healthz, auth] = await Promise.all([
    probePort === null ? null : ctx.probeHealthz(probePort),
    probePort === null || token === null ? null : ctx.probeAuth(probePort, token),
  ]);
  const tail = await ctx.readLogTail(instanceLogPath(record.stateDir), LOG_TAIL_BYTES);
  const lastError = tail === null ? null : lastErrorLine(tail);
  const health: InstanceHealth = reduceHealth({
    record,
    plistError: record.plist === null ? null : firstPlistError(ctx, record),
    detail,
    portListeners: listeners,
    processAgeSeconds: pid === null ? null : (ages.get(pid) ?? null),
    healthz: healthz === null ? null : healthz.ok ? { ok: true } : healthz,
    auth: auth === null ? null : auth.ok ? { ok: true } : auth,
    lastErrorLine: lastError,
  });
  const last = detail?.lastExit ?? record.launchd?.lastExit ?? null;
  return {
    name: record.name,
    label: record.label,
    stateDir: record.stateDir,
    plistPath: record.plistPath,
    health: health.state,
    reason: health.reason,
    lastError: health.state === 'healthy' ? null : lastError,
    launchd: {
      loaded: record.launchd !== null,
      state: detail?.state ?? (record.launchd === null ? null : pid === null ? 'not running' : 'running'),
      pid,
      runs: detail?.runs ?? null,
      lastExitCode: last?.code ?? null,
      lastSignal: last?.signal ?? null,
      disabled: record.disabled,
    },
    port: {
      number: record.port,
      listening: listeners === null ? null : listeners.length > 0,
      ownerPid: listeners?.[0]?.pid ?? null,
    },
    layers: health.layers,
  };
}

function firstPlistError(ctx: FleetContext, record: InstanceRecord): string | null {
  if (record.plist === null) return null;
  const errors = lintInstancePlist(record.plist, {
    plistPath: record.plistPath,
    expectedStateDir: record.stateDir,
    inspect: ctx.inspect,
  }).filter((f) => f.severity === 'error');
  return errors[0]?.message ?? null;
}
