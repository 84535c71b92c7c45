// Reduces what is known about one instance to its health state and a reason in words, bottom up:
// plist valid -> loaded -> process alive -> port owned by that pid -> /healthz -> authenticated
// health. The first failing layer is the headline (docs/architecture.md, "Health").
import type { HealthState } from '../shared/health-state.ts';
import type { InstanceRecord } from './discovery.ts';
import type { ServiceStatus } from './launchd-status.ts';
import type { Listener } from './listeners.ts';

export type LayerName = 'plist' | 'loaded' | 'process' | 'port' | 'healthz' | 'auth';
export type LayerState = 'ok' | 'failed' | 'unknown' | 'skipped';

export interface HealthFacts {
  record: InstanceRecord;
  /** First plist-contract error, if the plist breaks the contract. */
  plistError: string | null;
  /** `launchctl print` of the job, when loaded and read. */
  detail: ServiceStatus | null;
  /** Listeners on the instance's port; null when listeners could not be read. */
  portListeners: Listener[] | null;
  /** Seconds since the current process started, when known. */
  processAgeSeconds: number | null;
  healthz: { ok: true } | { ok: false; error: string } | null;
  auth: { ok: true } | { ok: false; reason: string } | null;
  lastErrorLine: string | null;
  /** A process younger than this is `starting` rather than `degraded`; default STARTING_GRACE_SECONDS. */
  startingGraceSeconds?: number;
}

export interface InstanceHealth {
  state: HealthState;
  reason: string | null;
  layers: Record<LayerName, LayerState>;
}

/** A gateway answers HTTP 3-6 s after spawn (openclaw-gateway.md §5); allow for slow machines. */
export const STARTING_GRACE_SECONDS = 30;

export function reduceHealth(f: HealthFacts): InstanceHealth {
  const layers: Record<LayerName, LayerState> = {
    plist: f.record.plist === null || f.plistError !== null ? 'failed' : 'ok',
    loaded: f.record.launchd === null ? 'failed' : 'ok',
    process: 'skipped',
    port: 'skipped',
    healthz: 'skipped',
    auth: 'skipped',
  };
  const done = (state: HealthState, reason: string | null): InstanceHealth => ({ state, reason, layers });
  const { record } = f;

  if (record.launchd === null) {
    if (record.plist === null) {
      return done('stopped', record.plistProblem ?? `no LaunchAgent: ${record.plistPath} does not exist`);
    }
    if (record.disabled) {
      return done(
        'down',
        `parked: ${record.label} is disabled and not loaded (the gateway parks itself when another process owns its state dir)${suffix(f.lastErrorLine)}`,
      );
    }
    return done(
      'stopped',
      f.plistError === null ? 'not loaded in launchd' : `not loaded; the plist is invalid: ${f.plistError}`,
    );
  }

  const pid = record.launchd.pid;
  if (pid === null) {
    layers.process = 'failed';
    const exit = describeExit(f);
    // launchd holds back the respawn of a process that died young (ThrottleInterval): it will die
    // again. Not running with `runs` > 1 alone is no loop: that is also the instant between a
    // long-lived gateway's exit and its immediate respawn, whatever restarts it had before.
    const looping = f.detail?.state === 'spawn scheduled';
    // Between two attempts nobody of ours listens; whoever does is likely why the gateway cannot start.
    const holders = portHolders(record.port, f.portListeners, null);
    const held = holders === null ? '' : `; ${holders}`;
    if (looping)
      return done(
        'crash-loop',
        `${exit ?? 'exited'}${suffix(f.lastErrorLine)}, launchd keeps respawning it${held}`,
      );
    return done(
      'down',
      `loaded but not running${exit === null ? '' : ` (${exit})`}${suffix(f.lastErrorLine)}${held}`,
    );
  }
  layers.process = 'ok';

  const port = record.port;
  const young =
    f.processAgeSeconds !== null && f.processAgeSeconds < (f.startingGraceSeconds ?? STARTING_GRACE_SECONDS);
  const notUpYet = (why: string): InstanceHealth =>
    done(young ? 'starting' : 'degraded', young ? `started ${f.processAgeSeconds} s ago; ${why}` : why);

  if (port === null) {
    layers.port = 'unknown';
    return done('degraded', 'no port is known for this instance (plist and openclaw.json name none)');
  }
  if (f.portListeners === null) {
    layers.port = 'unknown';
  } else if (f.portListeners.length === 0) {
    layers.port = 'failed';
    return notUpYet(`pid ${pid} is alive but port ${port} is not listening`);
  } else if (!f.portListeners.some((l) => l.pid === pid)) {
    layers.port = 'failed';
    return done('degraded', `${portHolders(port, f.portListeners, pid)}, not by ${record.label}`);
  } else {
    layers.port = 'ok';
  }

  if (f.healthz !== null) {
    layers.healthz = f.healthz.ok ? 'ok' : 'failed';
    if (!f.healthz.ok) return notUpYet(f.healthz.error);
  }
  if (f.auth !== null) {
    layers.auth = f.auth.ok ? 'ok' : 'failed';
    if (!f.auth.ok) return done('degraded', f.auth.reason);
  }
  return done('healthy', null);
}

/** `port P is held by pid X (command), ...` when processes other than `pid` listen on it; else null. */
export function portHolders(
  port: number | null,
  listeners: readonly Listener[] | null,
  pid: number | null,
): string | null {
  const others = listeners?.filter((l) => l.pid !== pid) ?? [];
  if (port === null || others.length === 0) return null;
  return `port ${port} is held by ${others.map((l) => `pid ${l.pid} (${l.command})`).join(', ')}`;
}

function describeExit(f: HealthFacts): string | null {
  const last = f.detail?.lastExit ?? f.record.launchd?.lastExit ?? null;
  if (last === null) return null;
  if (last.signal !== null) return `killed by signal ${last.signal}`;
  if (last.code !== null) return `exit ${last.code}`;
  return null;
}

function suffix(line: string | null): string {
  return line === null ? '' : `: ${line}`;
}
