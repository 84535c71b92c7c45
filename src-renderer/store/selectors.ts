// Derived views of the store. Those returning arrays or objects are meant for useShallow: their
// elements are primitives or objects straight from the snapshot, so an unchanged fleet compares equal.
import type { EventView, InstanceView } from '../../src-main/shared/fleet-contract.ts';
import type { HealthState } from '../../src-main/shared/health-state.ts';
import type { FleetStore } from './fleet-store.ts';

const EVENTS_SHOWN = 50;

export const selectInstanceNames = (s: FleetStore): string[] =>
  s.snapshot?.instances.map((i) => i.name) ?? [];

export const selectInstance =
  (name: string) =>
  (s: FleetStore): InstanceView | undefined =>
    s.snapshot?.instances.find((i) => i.name === name);

/** An action runs on the row: this popover's, or one the snapshot reports (CLI, another page). */
export const selectRowBusy =
  (name: string) =>
  (s: FleetStore): boolean =>
    s.tasks[name]?.phase === 'running' || (selectInstance(name)(s)?.busy ?? null) !== null;

export const selectStateCounts = (s: FleetStore): Partial<Record<HealthState, number>> => {
  const counts: Partial<Record<HealthState, number>> = {};
  for (const i of s.snapshot?.instances ?? []) counts[i.health] = (counts[i.health] ?? 0) + 1;
  return counts;
};

export const selectHealthStates = (s: FleetStore): HealthState[] =>
  s.snapshot?.instances.map((i) => i.health) ?? [];

/** Live events and the snapshot's recent ones, without duplicates, newest first. */
export const selectEvents = (s: FleetStore): EventView[] => {
  const seen = new Set<string>();
  const merged: EventView[] = [];
  for (const e of [...s.liveEvents, ...(s.snapshot?.recentEvents ?? [])]) {
    const key = `${e.at}|${e.instance}|${e.type}|${e.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(e);
  }
  return merged.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, EVENTS_SHOWN);
};
