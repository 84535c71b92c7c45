// One check of the whole fleet: one launchctl print of the domain and one lsof whatever its size,
// a `launchctl print` only for jobs whose summary changed, /healthz in parallel where due
// (healthz-schedule.ts), and the log only of an instance that just exited (or kept from the moment
// its held connection dropped). Produces one Observation per instance.
import { discoverFleet, type InstanceRecord } from '../../core/discovery.ts';
import type { FleetFiles } from '../../core/fleet-facts.ts';
import { LOG_TAIL_BYTES, lastErrorLine, lastLines } from '../../core/last-error-line.ts';
import type { DomainServiceRow, ServiceStatus } from '../../core/launchd-status.ts';
import { listenersByPort } from '../../core/listeners.ts';
import type { Observation, TrackedInstance } from '../../core/monitor/monitor-types.ts';
import { instanceLogPath } from '../../core/plist-contract.ts';
import { memoConfigParse, type ConfigParser } from '../config-parse-memo.ts';
import type { FleetContext } from '../fleet-context.ts';
import {
  forgetGone,
  newHealthzMemory,
  notServing,
  probeIfDue,
  type HealthzMemory,
  type HealthzTiming,
} from './healthz-schedule.ts';
import type { AuthView } from './held-connections.ts';

export interface CheckMemory {
  /** launchd's summary row of each label at the previous check, to fetch details only on change. */
  rows: Map<string, string>;
  /** When each instance's /healthz was last probed and what it looked like then (healthz-schedule.ts). */
  healthz: HealthzMemory;
  /** Each instance's state dir at the last check, to find its log between checks. */
  stateDirs: Map<string, string>;
  /** An instance's log as it was when its held connection dropped, and the pid that was serving then. */
  lastWords: Map<string, { pid: number; takenAt: number; log: Promise<Observation['log']> }>;
  /** Each config is parsed once per read of its file, not at every check. */
  parseConfig: ConfigParser;
}

export function newCheckMemory(): CheckMemory {
  return {
    rows: new Map(),
    healthz: newHealthzMemory(),
    stateDirs: new Map(),
    lastWords: new Map(),
    parseConfig: memoConfigParse(),
  };
}

/**
 * Reads the log of `name` now, when its held connection just dropped: if the process died, these
 * are its last words. launchd respawns a job that outlived its ThrottleInterval at once, and the new
 * process appends its own start to the same log before the next check could read it.
 */
export function keepLastWords(
  ctx: FleetContext,
  memory: CheckMemory,
  name: string,
  pid: number | null,
): void {
  const stateDir = memory.stateDirs.get(name);
  if (pid === null || stateDir === undefined) return;
  // It is never awaited if the pid lives on: a failed read must not become an unhandled rejection.
  const log = readLog(ctx, stateDir).catch(() => null);
  memory.lastWords.set(name, { pid, takenAt: ctx.clock.now(), log });
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
  timing: HealthzTiming,
): Promise<CheckResult> {
  const startedAt = now();
  const [domainResult, scan] = await Promise.all([ctx.launchd.fleetStatus(), ctx.scanListeners()]);
  if (domainResult.kind !== 'ok')
    return { ok: false, problem: `launchd's view could not be read: ${domainResult.message}` };
  const discovery = discoverFleet({
    root: ctx.location.root,
    agentsDir: ctx.location.agentsDir,
    files,
    domain: domainResult.domain,
    parseConfig: memory.parseConfig,
  });
  const byPort = scan.ok ? listenersByPort(scan.listeners) : null;
  const names = new Set(discovery.instances.map((r) => r.name));
  for (const map of [memory.stateDirs, memory.lastWords])
    for (const name of map.keys()) if (!names.has(name)) map.delete(name);
  forgetGone(memory.healthz, names);

  const observations = await Promise.all(
    discovery.instances.map(async (record): Promise<Observation> => {
      const row = record.launchd;
      memory.stateDirs.set(record.name, record.stateDir);
      const previous = tracked.get(record.name);
      const gone = previous?.pid != null && row !== null && row.pid !== previous.pid ? previous.pid : null;
      // Started before the detail call: every moment counts before a respawn writes to the log.
      const log = gone === null ? null : exitLog(ctx, memory, record, gone);
      const words = memory.lastWords.get(record.name);
      // launchd, asked after the drop, still saw that pid: the drop was no death (a closed port).
      if (words !== undefined && row?.pid === words.pid && words.takenAt < startedAt)
        memory.lastWords.delete(record.name);
      const detail = await detailIfChanged(ctx, record, row, memory);
      const listeners = byPort === null || record.port === null ? null : (byPort.get(record.port) ?? []);
      const pid = row?.pid ?? null;
      const owned = pid !== null && listeners !== null && listeners.some((l) => l.pid === pid);
      const authView = owned ? auth(record.name) : null;
      // (Listeners are looked up by the instance's port, so `owned` implies it has one.)
      if (!owned) notServing(memory.healthz, record.name);
      const target =
        owned && pid !== null && listeners !== null && record.port !== null
          ? {
              name: record.name,
              port: record.port,
              pid,
              listenerPids: listeners.map((l) => l.pid),
              held: authView?.ok === true,
            }
          : null;
      const [healthz, logTail] = await Promise.all([
        target === null ? null : probeIfDue(ctx, target, memory.healthz, startedAt, timing),
        log,
      ]);
      return {
        at: now(),
        record,
        detail,
        portListeners: listeners,
        healthz,
        auth: authView,
        log: logTail,
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

/** The log of a process that exited: as kept when its connection dropped, else as it is now. */
function exitLog(
  ctx: FleetContext,
  memory: CheckMemory,
  record: InstanceRecord,
  pid: number,
): Promise<Observation['log']> {
  const words = memory.lastWords.get(record.name);
  memory.lastWords.delete(record.name);
  return words?.pid === pid ? words.log : readLog(ctx, record.stateDir);
}

async function readLog(ctx: FleetContext, stateDir: string): Promise<Observation['log']> {
  const tail = await ctx.readLogTail(instanceLogPath(stateDir), LOG_TAIL_BYTES);
  return tail === null ? null : { lastLines: lastLines(tail, 20), lastErrorLine: lastErrorLine(tail) };
}
