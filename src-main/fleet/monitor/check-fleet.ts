// One check of the whole fleet: one launchctl print of the domain and one lsof whatever its size,
// a `launchctl print` only for jobs whose summary changed, /healthz in parallel, and the log only
// of an instance that just exited. Produces one Observation per instance.
import { discoverFleet, type InstanceRecord } from '../../core/discovery.ts';
import type { FleetFiles } from '../../core/fleet-facts.ts';
import { LOG_TAIL_BYTES, lastErrorLine, lastLines } from '../../core/last-error-line.ts';
import type { DomainServiceRow, ServiceStatus } from '../../core/launchd-status.ts';
import { listenersByPort } from '../../core/listeners.ts';
import type { Observation, TrackedInstance } from '../../core/monitor/monitor-types.ts';
import { instanceLogPath } from '../../core/plist-contract.ts';
import type { FleetContext } from '../fleet-context.ts';
import type { AuthView } from './held-connections.ts';

export interface CheckMemory {
  /** launchd's summary row of each label at the previous check, to fetch details only on change. */
  rows: Map<string, string>;
  /** Checks to skip before probing /healthz of an instance again (back-off after failures). */
  healthzSkip: Map<string, { skip: number; failures: number }>;
}

export type CheckResult =
  { ok: true; observations: Observation[]; records: InstanceRecord[] } | { ok: false; problem: string };

export async function checkFleet(
  ctx: FleetContext,
  files: FleetFiles,
  tracked: ReadonlyMap<string, TrackedInstance>,
  memory: CheckMemory,
  auth: (name: string) => AuthView,
  now: () => number,
): Promise<CheckResult> {
  const [domainResult, scan] = await Promise.all([ctx.launchd.fleetStatus(), ctx.scanListeners()]);
  if (domainResult.kind !== 'ok')
    return { ok: false, problem: `launchd's view could not be read: ${domainResult.message}` };
  const discovery = discoverFleet({
    root: ctx.location.root,
    agentsDir: ctx.location.agentsDir,
    files,
    domain: domainResult.domain,
  });
  const byPort = scan.ok ? listenersByPort(scan.listeners) : null;

  const observations = await Promise.all(
    discovery.instances.map(async (record): Promise<Observation> => {
      const row = record.launchd;
      const detail = await detailIfChanged(ctx, record, row, memory);
      const listeners = byPort === null || record.port === null ? null : (byPort.get(record.port) ?? []);
      const owned = row?.pid != null && listeners !== null && listeners.some((l) => l.pid === row.pid);
      const previous = tracked.get(record.name);
      const exited = previous?.pid != null && row !== null && row.pid !== previous.pid;
      const [healthz, log] = await Promise.all([
        owned && record.port !== null ? probeWithBackoff(ctx, record.name, record.port, memory) : null,
        exited ? readLog(ctx, record.stateDir) : null,
      ]);
      return {
        at: now(),
        record,
        detail,
        portListeners: listeners,
        healthz,
        auth: owned ? auth(record.name) : null,
        log,
      };
    }),
  );
  return { ok: true, observations, records: discovery.instances };
}

async function detailIfChanged(
  ctx: FleetContext,
  record: InstanceRecord,
  row: DomainServiceRow | null,
  memory: CheckMemory,
): Promise<ServiceStatus | null> {
  if (row === null) {
    memory.rows.delete(record.label);
    return null;
  }
  const summary = `${row.pid ?? '-'} ${row.lastExitText}`;
  const changed = memory.rows.get(record.label) !== summary;
  memory.rows.set(record.label, summary);
  // A job without a process is read every check: its state (spawn scheduled) and runs tell a crash loop.
  if (!changed && row.pid !== null) return null;
  const status = await ctx.launchd.status(record.label);
  return status.kind === 'ok' && status.job.loaded ? status.job : null;
}

async function probeWithBackoff(
  ctx: FleetContext,
  name: string,
  port: number,
  memory: CheckMemory,
): Promise<Observation['healthz']> {
  const state = memory.healthzSkip.get(name) ?? { skip: 0, failures: 0 };
  if (state.skip > 0) {
    memory.healthzSkip.set(name, { ...state, skip: state.skip - 1 });
    return null;
  }
  const result = await ctx.probeHealthz(port);
  // A failing /healthz is probed every 1, 2, 4, then 8 checks: a stuck gateway costs little.
  const failures = result.ok ? 0 : state.failures + 1;
  memory.healthzSkip.set(name, { skip: failures === 0 ? 0 : Math.min(2 ** (failures - 1), 8) - 1, failures });
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}

async function readLog(ctx: FleetContext, stateDir: string): Promise<Observation['log']> {
  const tail = await ctx.readLogTail(instanceLogPath(stateDir), LOG_TAIL_BYTES);
  return tail === null ? null : { lastLines: lastLines(tail, 20), lastErrorLine: lastErrorLine(tail) };
}
