// `npm run bench`: the health monitor against the launchd simulator with N = 1, 10, 50 stub gateways,
// and the seed's way of watching as the baseline. Prints one table (plus legend and evidence) and
// writes bench-results/monitor.json. See measure-size.ts for what is measured and in which order.
// BENCH_SIZES=1,10 limits the sizes (for a quick look; the full run is the one to quote).
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { closeAllLanes } from './bench-fleet.ts';
import { measureSize, type SizePlan, type SizeResult } from './measure-size.ts';
import { renderBounds, renderLegend, renderTable, renderVerdict, toJson } from './report.ts';

const BASE: Omit<SizePlan, 'n'> = {
  idleWindowMs: 14_000,
  killTrials: 20,
  restartTrials: 20,
  portTrials: 20,
  portLanes: 4,
  crashTrials: 20,
  reconnectTrials: 0,
  seedChecks: 3,
  baselineTrials: 20,
  baselineLanes: 1,
};
const PLANS: SizePlan[] = [
  { ...BASE, n: 1, reconnectTrials: 3, baselineLanes: 4 },
  { ...BASE, n: 10 },
  // The slow measurements (port-closed, crash-loop, restart) use fewer trials at N = 50; kill -9 keeps 20.
  { ...BASE, n: 50, restartTrials: 10, portTrials: 10, portLanes: 2, crashTrials: 10, seedChecks: 2 },
];

const only = process.env.BENCH_SIZES?.split(',').map(Number);
const plans = only === undefined ? PLANS : PLANS.filter((p) => only.includes(p.n));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the simulators and gateways`);
    void closeAllLanes().finally(() => process.exit(130));
  });
}

const started = Date.now();
const loadBefore = loadavg();
const results: SizeResult[] = [];
try {
  for (const plan of plans) {
    console.error(`N=${plan.n}: measuring`);
    results.push(await measureSize(plan, (line) => console.error(line)));
  }
} finally {
  await closeAllLanes();
}
const totalMs = Date.now() - started;
const machine = { cores: availableParallelism(), loadBefore, loadAfter: loadavg() };
const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' ');

console.log(
  `\nHealth monitor bench (launchd simulator, stub gateways): ${(totalMs / 1000).toFixed(0)} s on` +
    ` ${machine.cores} cores; load average before ${load(loadBefore)}, after ${load(machine.loadAfter)}\n`,
);
console.log(renderTable(results));
console.log(`\n${renderVerdict(results)}`);
console.log(`\n${renderLegend(results)}\n`);
console.log(renderBounds(results));
mkdirSync('bench-results', { recursive: true });
const out = join('bench-results', 'monitor.json');
writeFileSync(out, `${JSON.stringify(toJson(results, totalMs, machine), null, 2)}\n`);
console.log(`\nwritten: ${out}`);
