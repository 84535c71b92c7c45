// Folds one check's observations into what the monitor remembers: each instance's tracked state
// (core/monitor/instance-tracker.ts), taking the exit of a pid the product announced as planned, and
// its bounded transition history. Instances that left the fleet are forgotten.
import { isExitExpected, type ExitIntent } from '../../core/monitor/exit-intents.ts';
import { trackInstance } from '../../core/monitor/instance-tracker.ts';
import type {
  FleetEvent,
  MonitorSettings,
  Observation,
  TrackedInstance,
  Transition,
} from '../../core/monitor/monitor-types.ts';
import { RingBuffer } from '../../core/monitor/ring-buffer.ts';

export interface FleetMemory {
  tracked: Map<string, TrackedInstance>;
  history: Map<string, RingBuffer<Transition>>;
}

/** Some instance's launchd pid differs from the one tracked: only then can an announced exit matter. */
export function anyPidChanged(
  tracked: ReadonlyMap<string, TrackedInstance>,
  observations: readonly Observation[],
): boolean {
  return observations.some((obs) => {
    const before = tracked.get(obs.record.name)?.pid ?? null;
    return before !== null && before !== (obs.record.launchd?.pid ?? null);
  });
}

export function foldObservations(
  memory: FleetMemory,
  observations: readonly Observation[],
  intents: readonly ExitIntent[],
  now: number,
  settings: MonitorSettings,
  onTransition: (name: string, transition: Transition) => void,
): FleetEvent[] {
  const { tracked, history } = memory;
  const events: FleetEvent[] = [];
  const seen = new Set<string>();
  for (const obs of observations) {
    const name = obs.record.name;
    seen.add(name);
    const prev = tracked.get(name);
    const exitExpected = isExitExpected(intents, name, prev?.pid ?? null, now);
    const step = trackInstance(prev, { ...obs, exitExpected }, settings);
    tracked.set(name, step.next);
    events.push(...step.events);
    if (step.transition !== null) {
      const ring = history.get(name) ?? new RingBuffer<Transition>(settings.historySize);
      ring.push(step.transition);
      history.set(name, ring);
      onTransition(name, step.transition);
    }
  }
  for (const name of [...tracked.keys()]) if (!seen.has(name)) tracked.delete(name);
  return events;
}
