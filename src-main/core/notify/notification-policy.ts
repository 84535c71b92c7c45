// Which events become notifications, and how: one notification per incident (later events update
// it instead of raising new banners), a per-instance cooldown, one digest after a sleep/resume gap
// or when many instances fail in one check, and per-type on/off. Pure: time comes in as `now`.
import { FLEET_EVENT_TYPES, type FleetEventType } from '../../shared/health-state.ts';
import type { FleetEvent } from '../monitor/monitor-types.ts';

export interface NotificationSettings {
  enabled: Record<FleetEventType, boolean>;
  /** After an incident closes, a new one within this time updates the old notification. */
  cooldownMs: number;
  /** This many instances with new trouble in one check get one digest instead of one each. */
  fleetWideThreshold: number;
  /** A gap between checks longer than this means the Mac slept: what happened meanwhile is one digest. */
  sleepGapMs: number;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  enabled: Object.fromEntries(FLEET_EVENT_TYPES.map((t) => [t, true])) as Record<FleetEventType, boolean>,
  cooldownMs: 5 * 60_000,
  fleetWideThreshold: 3,
  sleepGapMs: 30_000,
};

export interface Notification {
  /** Same id = the same notification, updated in place (macOS replaces it; the CLI prints "update"). */
  id: string;
  kind: 'new' | 'update' | 'digest';
  instance: string | null;
  title: string;
  body: string;
  events: FleetEvent[];
}

interface Incident {
  id: string;
  types: FleetEventType[];
  closedAt: number | null;
}

export interface PolicyState {
  incidents: Record<string, Incident>;
  lastCheckAt: number | null;
}

export const INITIAL_POLICY_STATE: PolicyState = { incidents: {}, lastCheckAt: null };

const VERB: Record<FleetEventType, string> = {
  exited: 'exited',
  'port-closed': 'stopped listening',
  'crash-loop': 'is crash-looping',
  'auth-failed': 'rejects its token',
  recovered: 'recovered',
};

export function decideNotifications(
  state: PolicyState,
  events: readonly FleetEvent[],
  now: number,
  settings: NotificationSettings,
): { state: PolicyState; notifications: Notification[] } {
  const resumed = state.lastCheckAt !== null && now - state.lastCheckAt > settings.sleepGapMs;
  const incidents = { ...state.incidents };
  const wanted = events.filter((e) => settings.enabled[e.type]);
  const troubled = new Set(wanted.filter((e) => e.type !== 'recovered').map((e) => e.instance));
  const next = (): PolicyState => ({ incidents, lastCheckAt: now });

  if (wanted.length > 0 && (resumed || troubled.size >= settings.fleetWideThreshold)) {
    for (const name of troubled)
      incidents[name] = { id: `${name}@${now}`, types: typesOf(wanted, name), closedAt: null };
    for (const e of wanted)
      if (e.type === 'recovered' && incidents[e.instance])
        incidents[e.instance] = { ...incidents[e.instance]!, closedAt: now };
    return { state: next(), notifications: [digest(wanted, now, resumed)] };
  }

  const notifications: Notification[] = [];
  for (const e of wanted) {
    const open = incidents[e.instance];
    if (e.type === 'recovered') {
      if (open !== undefined && open.closedAt === null) {
        incidents[e.instance] = { ...open, closedAt: now };
        notifications.push(single(open.id, 'update', e));
      }
      continue;
    }
    if (open !== undefined && open.closedAt === null) {
      if (open.types.includes(e.type)) continue;
      incidents[e.instance] = { ...open, types: [...open.types, e.type] };
      notifications.push(single(open.id, 'update', e));
    } else if (open !== undefined && open.closedAt !== null && now - open.closedAt < settings.cooldownMs) {
      incidents[e.instance] = { id: open.id, types: [e.type], closedAt: null };
      notifications.push(single(open.id, 'update', e));
    } else {
      const id = `${e.instance}@${now}`;
      incidents[e.instance] = { id, types: [e.type], closedAt: null };
      notifications.push(single(id, 'new', e));
    }
  }
  return { state: next(), notifications };
}

function single(id: string, kind: 'new' | 'update', e: FleetEvent): Notification {
  return {
    id,
    kind,
    instance: e.instance,
    title: `${e.instance} ${VERB[e.type]}`,
    body: e.reason,
    events: [e],
  };
}

function digest(events: FleetEvent[], now: number, resumed: boolean): Notification {
  const names = [...new Set(events.map((e) => e.instance))];
  return {
    id: `digest@${now}`,
    kind: 'digest',
    instance: null,
    title: resumed
      ? `While the Mac slept: ${names.length} instance(s) changed`
      : `${names.length} instances need attention`,
    body: events.map((e) => `${e.instance} ${VERB[e.type]}: ${e.reason}`).join('\n'),
    events,
  };
}

function typesOf(events: FleetEvent[], name: string): FleetEventType[] {
  return [...new Set(events.filter((e) => e.instance === name).map((e) => e.type))];
}
