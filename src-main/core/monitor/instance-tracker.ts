// One check's observation of an instance, folded into what the monitor remembers, yielding the
// new health and the events: `exited` at once (launchd's pid changed: a fact, not a guess),
// `port-closed` and `auth-failed` only after they persist for the grace window (hysteresis),
// `crash-loop` from launchd's own counters or repeated exits, and `recovered` when an incident ends.
import { portHolders, reduceHealth } from '../instance-health.ts';
import type {
  FleetEvent,
  MonitorSettings,
  Observation,
  TrackedInstance,
  Transition,
} from './monitor-types.ts';
import { describeLastExit, snapshotOf } from './crash-snapshot.ts';

export interface TrackResult {
  next: TrackedInstance;
  events: FleetEvent[];
  transition: Transition | null;
}

export function trackInstance(
  prev: TrackedInstance | undefined,
  obs: Observation,
  s: MonitorSettings,
): TrackResult {
  const now = obs.at;
  const name = obs.record.name;
  const loaded = obs.record.launchd !== null;
  const pid = obs.record.launchd?.pid ?? null;
  const events: FleetEvent[] = [];
  const emit = (type: FleetEvent['type'], reason: string, extra: Partial<FleetEvent> = {}) =>
    events.push({ type, instance: name, at: now, reason, ...extra });

  let exits = (prev?.exits ?? []).filter((t) => now - t < s.crashLoopWindowMs);
  let lastSnapshot = prev?.lastSnapshot ?? null;
  const previousPid = prev?.pid ?? null;
  // A pid change the product announced (a restart it runs) is no exit: nothing crashed.
  if (previousPid !== null && pid !== previousPid && loaded && obs.exitExpected !== true) {
    exits = [...exits, now];
    lastSnapshot = snapshotOf(now, previousPid, obs);
    emit(
      'exited',
      `${name} (pid ${previousPid}) ${describeLastExit(lastSnapshot.lastExit)}${tail(lastSnapshot.lastErrorLine)}`,
      {
        pid: previousPid,
        snapshot: lastSnapshot,
      },
    );
  }
  // A pid already running at the first check has an unknown age: it is not "starting".
  const pidSince = pid === null || prev === undefined ? null : pid === previousPid ? prev.pidSince : now;

  const auth =
    obs.auth ??
    (prev?.authOk === false
      ? { ok: false as const, code: 'PREVIOUS', reason: prev.authReason ?? 'token rejected' }
      : null);
  // /healthz is not probed at every check (a failing one backs off; a held, open connection is probed
  // once a period): a skipped probe keeps this process's last result, or the healthz layer and the
  // state would flap with the probe schedule.
  const samePid = prev !== undefined && pid !== null && pid === previousPid;
  const healthz =
    obs.healthz ??
    (!samePid
      ? null
      : prev.healthzError !== null
        ? { ok: false as const, error: prev.healthzError }
        : prev.layers.healthz === 'ok'
          ? { ok: true as const }
          : null);
  const reduced = reduceHealth({
    record: obs.record,
    plistError: null,
    detail: obs.detail,
    portListeners: obs.portListeners,
    processAgeSeconds: pidSince === null ? null : Math.floor((now - pidSince) / 1000),
    healthz,
    auth,
    lastErrorLine: obs.log?.lastErrorLine ?? lastSnapshot?.lastErrorLine ?? null,
    startingGraceSeconds: s.startingGraceMs / 1000,
  });
  let health = reduced.state;
  let reason = reduced.reason;
  const healthySince = health !== 'healthy' ? null : pid === previousPid ? (prev?.healthySince ?? now) : now;
  // A crash loop ends when a process stays up, not when a respawn answers for a moment before it
  // dies again: until one has been healthy for the grace window, this is still the same loop.
  const inLoop = prev?.incident?.types.includes('crash-loop') ?? false;
  const provenUp = healthySince !== null && now - healthySince >= s.graceMs;
  if (inLoop && loaded && (health === 'starting' || (health === 'healthy' && !provenUp))) {
    health = 'crash-loop';
    reason = prev?.health === 'crash-loop' ? prev.reason : reason;
  }
  if (loaded && exits.length >= s.crashLoopExits && health !== 'healthy') {
    health = 'crash-loop';
    const last =
      lastSnapshot === null
        ? ''
        : `; last: ${describeLastExit(lastSnapshot.lastExit)}${tail(lastSnapshot.lastErrorLine)}`;
    const holders = portHolders(obs.record.port, obs.portListeners, pid);
    reason = `${exits.length} exits in the last ${Math.round(s.crashLoopWindowMs / 1000)} s${last}${holders === null ? '' : `; ${holders}`}`;
  }

  const portOwned =
    pid !== null && (obs.portListeners?.some((l) => l.pid === pid) ?? prev?.portOwned ?? false);
  let pending = prev?.pending ?? null;
  const portLost =
    pid !== null &&
    pid === previousPid &&
    obs.portListeners !== null &&
    !portOwned &&
    (prev?.portOwned === true || pending?.type === 'port-closed');
  const authFailed = auth !== null && !auth.ok && healthz?.ok !== false;
  const condition = portLost ? ('port-closed' as const) : authFailed ? ('auth-failed' as const) : null;
  if (condition === null) pending = null;
  else if (pending?.type !== condition)
    pending = { type: condition, since: now, reason: reason ?? condition };

  let incident = prev?.incident ?? null;
  const raised = (type: FleetEvent['type']) => incident?.types.includes(type) ?? false;
  if (pending !== null && now - pending.since >= s.graceMs && !raised(pending.type)) {
    emit(pending.type, reason ?? pending.reason, { pid });
  }
  // Parked now, loaded at the last check: the gateway disabled and booted out itself. (Not parked
  // already when the monitor started, and not a stopped instance that someone disabled.)
  const parked = !loaded && obs.record.disabled && prev?.loaded === true;
  if ((health === 'crash-loop' || parked) && !raised('crash-loop'))
    emit('crash-loop', reason ?? 'crash loop');

  for (const e of events) {
    incident ??= { openedAt: now, types: [] };
    if (!incident.types.includes(e.type)) incident = { ...incident, types: [...incident.types, e.type] };
  }
  // Healthy now with an exit in this same check: the replacement already serves (seen after a
  // sleep, or by a poll slower than the respawn), so that incident opens and ends here.
  if (incident !== null && health === 'healthy') {
    const after =
      incident.openedAt === now
        ? `, as pid ${pid}`
        : ` after ${Math.round((now - incident.openedAt) / 1000)} s`;
    emit('recovered', `${name} is healthy again${after}`, { pid });
    incident = null;
  }

  const next: TrackedInstance = {
    name,
    health,
    reason,
    since: prev !== undefined && prev.health === health ? prev.since : now,
    loaded,
    pid,
    pidSince,
    healthySince,
    healthzError: healthz?.ok === false ? healthz.error : null,
    portOwned,
    authOk: obs.auth === null ? (prev?.authOk ?? null) : obs.auth.ok,
    authReason: obs.auth === null ? (prev?.authReason ?? null) : obs.auth.ok ? null : obs.auth.reason,
    exits,
    pending,
    incident,
    lastSnapshot,
    layers: reduced.layers,
  };
  const transition =
    prev?.health === health ? null : { at: now, from: prev?.health ?? null, to: health, reason, pid };
  return { next, events, transition };
}

function tail(line: string | null): string {
  return line === null ? '' : `: ${line}`;
}
