// Stop listening -> `port-closed`. The gateway is restarted (kickstart -k) with the stub's knob
// closePortAfterMs; a monitor (DEFAULT settings) must hold a connection to the new process and have
// seen it serve before the port closes, or the trial is discarded and retried. The close time is the
// stub's "http server listening" log line + closePortAfterMs (the knob's timer is armed right after that
// line); the held connection's drop is kept as a cross-check.
// Restarts count as exits, and 3 in 120 s make an instance a crash loop in the monitor's eyes, so a
// monitor never restarts one instance twice: with enough instances one monitor rotates over them (and
// is asked to check once the new process listens, as the app does after a restart; the close-to-event
// schedule stays the monitor's own), with one instance each trial gets a new monitor.
// readyDelayMs 0: the monitor's first dial to the new process is not refused inside its startup window
// (what that costs is measured by reconnect-trials.ts).
import { setKnobs } from '../helpers/stub-gateway.ts';
import type { InstalledInstance } from '../helpers/fleet-fixture.ts';
import type { Lane } from './bench-fleet.ts';
import { fileSize } from './proc-facts.ts';
import { sleep } from './stats.ts';
import { LISTENING, waitForLine } from './stub-log.ts';
import { freshWatch, waitQuiet, watchLane, type Watch } from './watch-monitor.ts';

export interface PortTrial {
  instance: string;
  latencyMs: number;
  /** Close (log + knob) -> the monitor heard the held connection drop: how exact the close time is. */
  dropMs: number | null;
  /** Close -> start of the check that emitted the event. */
  checkStartMs: number | null;
  /** Checks started between the close and the event, including the emitting one. */
  checks: number;
}

export interface PortTrials {
  closePortAfterMs: number;
  /** 'rotate': one monitor, a different instance per trial; 'fresh': a new monitor per trial. */
  mode: 'rotate' | 'fresh';
  trials: PortTrial[];
  /** Trials thrown away because the monitor was not ready before the port closed. */
  discarded: number;
}

export async function runPortTrials(
  lane: Lane,
  trials: number,
  closePortAfterMs: number,
): Promise<PortTrials> {
  const rotate = lane.instances.length > trials;
  const out: PortTrials = { closePortAfterMs, mode: rotate ? 'rotate' : 'fresh', trials: [], discarded: 0 };
  const shared = rotate ? watchLane(lane) : null;
  try {
    if (shared !== null) {
      await waitQuiet(shared, 60_000);
      // A dropped connection is re-dialled only 5 s after it was opened: restart gateways whose
      // connection is older than that, as in a fleet that has been up for a while.
      await sleep(5200);
    }
    // A discarded trial is retried; after as many discards as trials, the cell shows the count it got.
    for (let t = 0; out.trials.length < trials && out.discarded < trials; t++) {
      const target = lane.instances[rotate ? t : 0]!;
      try {
        const trial = await closeOnce(lane, target, closePortAfterMs, shared);
        if (trial === null) out.discarded++;
        else out.trials.push(trial);
      } finally {
        if (rotate) await restore(lane, target);
      }
    }
  } finally {
    await shared?.stop();
    if (!rotate) await restore(lane, lane.instances[0]!);
  }
  return out;
}

async function restore(lane: Lane, target: InstalledInstance): Promise<void> {
  setKnobs(target.stateDir, lane.baseKnobs);
  await lane.kick(target);
}

async function closeOnce(
  lane: Lane,
  target: InstalledInstance,
  afterMs: number,
  shared: Watch | null,
): Promise<PortTrial | null> {
  setKnobs(target.stateDir, { ...lane.baseKnobs, closePortAfterMs: afterMs, readyDelayMs: 0 });
  const offset = fileSize(target.logPath);
  const kickedAt = Date.now();
  await lane.kick(target);
  const listenedAt = await waitForLine(target.logPath, offset, LISTENING, 15_000);
  const closedAt = listenedAt + afterMs;
  const budget = () => closedAt - 20 - Date.now();
  let watch: Watch | null = shared;
  try {
    if (watch === null) watch = await freshWatch(lane, [target], budget()).catch(() => null);
    else if (!(await servedAgain(watch, target, listenedAt, kickedAt, budget))) watch = null;
    if (watch === null || budget() < 0) {
      // Let this close play out before the next trial.
      await sleep(Math.max(0, closedAt + 5000 - Date.now()));
      return null;
    }
    const seen = await watch.nextEvent(
      (e) => e.type === 'port-closed' && e.instance === target.name,
      closedAt - 50,
      afterMs + 20_000,
    );
    const drop = watch.conns.find((c) => c.port === target.port && c.kind === 'closed' && c.at > listenedAt);
    const checkStart = seen.checkStart;
    return {
      instance: target.name,
      latencyMs: seen.at - closedAt,
      dropMs: drop === undefined ? null : drop.at - closedAt,
      checkStartMs: checkStart === null ? null : checkStart - closedAt,
      checks: watch.checks.filter(
        (c) => c.start >= closedAt && (checkStart === null || c.start <= checkStart),
      ).length,
    };
  } finally {
    if (watch !== shared) await watch?.stop();
  }
}

/** Asks the shared monitor to check until it holds a connection to the new process and saw it serve. */
async function servedAgain(
  watch: Watch,
  target: InstalledInstance,
  listenedAt: number,
  kickedAt: number,
  budget: () => number,
): Promise<boolean> {
  const ready = () =>
    watch.conns.some((c) => c.port === target.port && c.kind === 'open' && c.at > listenedAt) &&
    watch.events.some(
      (e) => e.event.type === 'recovered' && e.event.instance === target.name && e.at > kickedAt,
    );
  while (!ready() && budget() > 300) {
    void watch.monitor.checkNow();
    await watch.until(ready, 150, 'ready').catch(() => undefined);
  }
  return ready() && budget() > 0;
}
