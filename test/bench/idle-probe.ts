// Child process of the bench (see steady.ts): runs one monitor (DEFAULT settings) on the fleet given in
// BENCH_IDLE_PROBE, measures its idle cost and prints it as JSON. Nothing else runs in this process.
import { countedFleet, countsSince, totalSubprocesses, type FleetSpec } from './counted-fleet.ts';
import { round } from './stats.ts';
import { measureSteady, type SteadyResult } from './steady.ts';
import { watchLane } from './watch-monitor.ts';

const { spec, windowMs } = JSON.parse(process.env.BENCH_IDLE_PROBE ?? '{}') as {
  spec: FleetSpec;
  windowMs: number;
};
// Never outlive the bench (killed by a signal it could not pass on).
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(1), 1000).unref();

const fleet = countedFleet(spec);
const rssBeforeMb = round(process.memoryUsage().rss / 2 ** 20, 1);
const before = fleet.counts();
const watch = watchLane(fleet);
try {
  await watch.nextCheckEnd();
  const firstCheckSubprocesses = totalSubprocesses(countsSince(before, fleet.counts()));
  const steady = await measureSteady(fleet, watch, windowMs);
  const result: SteadyResult = { ...steady, firstCheckSubprocesses, rssBeforeMb };
  process.stdout.write(JSON.stringify(result));
} finally {
  await watch.stop();
}
