// Everything measured at one fleet size N, in an order that keeps measurements apart:
// 1. main lane alone: idle cost of the monitor, the seed's check cost, kill -9 trials, restart trials;
// 2. port-closed trials on several lanes side by side (their latency is set by timers: grace, urgent
//    window, interval), and at N = 1 the held-connection gap after a respawn on one more lane;
// 3. crash-loop trials alone, on a lane with launchd's real ThrottleInterval; 4. the seed baseline's
//    kill trials alone.
import { createLane, REAL_TIME_SCALE, type Lane, type LaneOptions } from './bench-fleet.ts';
import { calibrate, type Calibration } from './calibrate.ts';
import { runCrashTrials, type CrashTrial } from './crash-trials.ts';
import { runExitTrials, type ExitTrial } from './exit-trials.ts';
import { runPortTrials, type PortTrials } from './port-trials.ts';
import { runReconnectTrials, type ReconnectTrial } from './reconnect-trials.ts';
import { runRestartTrials, type RestartTrial } from './restart-trials.ts';
import { measureSeedChecks, runSeedKillTrials } from './seed-baseline.ts';
import { idleCost, type SteadyResult } from './steady.ts';

export const INTERVAL_MS = 2000;

export interface SizePlan {
  n: number;
  idleWindowMs: number;
  killTrials: number;
  restartTrials: number;
  portTrials: number;
  /** Lanes (separate simulators + fleets + monitors) the port-closed trials run on side by side, >= 2. */
  portLanes: number;
  crashTrials: number;
  /** Held-connection gap after a respawn (a monitor running across the kill). */
  reconnectTrials: number;
  /** Back-to-back seed checks on the quiet fleet, for its cost per check. */
  seedChecks: number;
  baselineTrials: number;
  /** Lanes for the baseline's kill trials (at N = 1 each has one instance to kill). */
  baselineLanes: number;
}

export interface SizeResult {
  plan: SizePlan;
  calibration: Calibration;
  steady: SteadyResult;
  exits: ExitTrial[];
  reconnects: ReconnectTrial[];
  restarts: RestartTrial[];
  ports: PortTrials[];
  crashes: CrashTrial[];
  baseline: { checkWallsMs: number[]; latenciesMs: number[]; lanes: number };
  durationMs: number;
}

export async function measureSize(plan: SizePlan, log: (line: string) => void): Promise<SizeResult> {
  const started = Date.now();
  const step = (what: string) =>
    log(`  N=${plan.n} ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const lanes: Lane[] = [];
  const lane = async (n: number, name: string, options?: LaneOptions) => {
    const made = await createLane(n, name, options);
    lanes.push(made);
    return made;
  };
  try {
    // readyDelayMs 0: a respawned gateway admits the monitor's first dial, so trials need not wait for a
    // re-dial after a refused one (what a startup window costs is measured on its own lane: reconnect-trials.ts).
    const quickDial = { knobs: { readyDelayMs: 0 } };
    const main = await lane(plan.n, 'g', quickDial);
    const calibration = await calibrate(main);
    step('idle window');
    const steady = await idleCost(main.spec, plan.idleWindowMs);
    const checkWallsMs = await measureSeedChecks(main, plan.seedChecks);
    step('kill -9 trials');
    const exits = await runExitTrials(main, plan.killTrials, INTERVAL_MS);
    step('restart trials');
    const restarts = await runRestartTrials(main, plan.restartTrials);
    step(`port-closed trials on ${plan.portLanes} lanes`);
    // The first extra lane runs launchd's real ThrottleInterval, for the crash-loop trials after these.
    const crashLane = await lane(plan.n, 'c', { timeScale: REAL_TIME_SCALE, ...quickDial });
    const others: Lane[] = [];
    while (others.length < plan.portLanes - 2)
      others.push(await lane(plan.n, `p${others.length}g`, quickDial));
    // The real gateway's startup window (~1.5 s, ref §5) rather than the stub's 0.3 s default.
    const reconnectLane =
      plan.reconnectTrials > 0 ? await lane(1, 'r', { knobs: { readyDelayMs: 1500 } }) : null;
    const closeAfter = 2500 + 20 * plan.n;
    const perLane = Math.ceil(plan.portTrials / plan.portLanes);
    const [ports, reconnects] = await Promise.all([
      Promise.all([main, crashLane, ...others].map((l) => runPortTrials(l, perLane, closeAfter))),
      reconnectLane === null ? [] : runReconnectTrials(reconnectLane, plan.reconnectTrials),
    ]);
    step('crash-loop trials');
    const crashes = await runCrashTrials(crashLane, plan.crashTrials);
    step(`baseline kill trials on ${plan.baselineLanes} lane(s)`);
    const baselineLanes = [main, ...others].slice(0, plan.baselineLanes);
    while (baselineLanes.length < plan.baselineLanes)
      baselineLanes.push(await lane(plan.n, `b${baselineLanes.length}g`, quickDial));
    const latenciesMs = await runSeedKillTrials(baselineLanes, plan.baselineTrials, INTERVAL_MS);
    return {
      plan,
      calibration,
      steady,
      exits,
      reconnects,
      restarts,
      ports,
      crashes,
      baseline: { checkWallsMs, latenciesMs, lanes: baselineLanes.length },
      durationMs: Date.now() - started,
    };
  } finally {
    await Promise.all(lanes.map((l) => l.close()));
  }
}
