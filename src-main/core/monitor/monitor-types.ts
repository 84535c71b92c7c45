// The monitor's vocabulary: what one check saw of an instance, what the monitor remembers between
// checks, and the events it turns changes into. Pure data; see instance-tracker.ts for the rules.
import type { FleetEventType, HealthState } from '../../shared/health-state.ts';
import type { InstanceRecord } from '../discovery.ts';
import type { LayerName, LayerState } from '../instance-health.ts';
import type { LastExit, ServiceStatus } from '../launchd-status.ts';
import type { Listener } from '../listeners.ts';

export interface MonitorSettings {
  /** Time between checks while nothing happens. */
  intervalMs: number;
  /**
   * Deadline of each /healthz probe. (The authenticated layer needs no periodic probe: each serving
   * instance has a held, authenticated connection, re-dialled when its token changes.)
   */
  probeTimeoutMs: number;
  /**
   * While an instance's held connection is open and nothing about it changed, its /healthz is probed
   * about this often instead of at every check: the open socket already vouches for the process, but
   * only /healthz sees an event loop that hangs, so a hang shows within about this long plus one check.
   */
  heldHealthzIntervalMs: number;
  /** This many exits within the window is a crash loop. */
  crashLoopExits: number;
  crashLoopWindowMs: number;
  /** A port that closes or a token that fails must stay so this long before it is an event (hysteresis). */
  graceMs: number;
  /** A new process is `starting`, not `degraded`, for this long. */
  startingGraceMs: number;
  /** Transitions kept per instance for uptime and restart counts. */
  historySize: number;
}

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = {
  intervalMs: 2000,
  probeTimeoutMs: 800,
  heldHealthzIntervalMs: 12_000,
  crashLoopExits: 3,
  crashLoopWindowMs: 120_000,
  graceMs: 2500,
  startingGraceMs: 30_000,
  historySize: 200,
};

/** What one check saw of one instance. Fields that were not probed this check are null. */
export interface Observation {
  at: number;
  record: InstanceRecord;
  /**
   * The product itself is replacing this process (a restart it runs): its exit is no incident and does
   * not count toward a crash loop. Absent when nothing is expected.
   */
  exitExpected?: boolean;
  /** `launchctl print` of the job; fetched only when launchd's summary row changed or detail is needed. */
  detail: ServiceStatus | null;
  portListeners: Listener[] | null;
  healthz: { ok: true } | { ok: false; error: string } | null;
  auth: { ok: true } | { ok: false; code: string; reason: string } | null;
  /** The instance's log, read when an exit was seen: last lines and the line OpenClaw would pick. */
  log: { lastLines: string[]; lastErrorLine: string | null } | null;
}

export interface CrashSnapshot {
  at: number;
  pid: number;
  lastExit: LastExit | null;
  lastErrorLine: string | null;
  lastLines: string[];
}

export interface Transition {
  at: number;
  from: HealthState | null;
  to: HealthState;
  reason: string | null;
  pid: number | null;
}

export interface FleetEvent {
  type: FleetEventType;
  instance: string;
  /** Epoch milliseconds. */
  at: number;
  reason: string;
  pid?: number | null;
  snapshot?: CrashSnapshot;
}

/** What the monitor remembers about one instance between checks. */
export interface TrackedInstance {
  name: string;
  health: HealthState;
  reason: string | null;
  since: number;
  /** launchd had the job loaded at this check. */
  loaded: boolean;
  pid: number | null;
  /** When this pid appeared (its age stands in for the process start time); null when unknown. */
  pidSince: number | null;
  /** Since when this pid has been seen healthy, without a break; null while it is not. */
  healthySince: number | null;
  /** This pid's last /healthz failure, carried over the checks that skip the probe (back-off). */
  healthzError: string | null;
  /** The port was seen listening, owned by the pid. */
  portOwned: boolean;
  authOk: boolean | null;
  /** Why the last authenticated probe failed, carried between the (rarer) auth probes. */
  authReason: string | null;
  /** Exit times within the crash-loop window. */
  exits: number[];
  /** A port-closed or auth-failed condition waiting out the grace window. */
  pending: { type: 'port-closed' | 'auth-failed'; since: number; reason: string } | null;
  /** Event types raised in the current incident; `recovered` closes it. */
  incident: { openedAt: number; types: FleetEventType[] } | null;
  lastSnapshot: CrashSnapshot | null;
  /** Each health layer as the last check saw it. */
  layers: Record<LayerName, LayerState>;
}
