// The idle cost of the monitor on a healthy fleet: subprocesses per tick, the bench process's CPU per
// tick and share of a core (process.cpuUsage; only the monitor runs in it during the window), the CPU of
// the subprocesses it reaped (/proc cutime+cstime), check wall time, and RSS.
import { countsSince, totalSubprocesses, type Lane, type SubprocessCounts } from './bench-fleet.ts';
import { reapedChildrenCpuMs } from './proc-facts.ts';
import { round, sleep, summarize, type Summary } from './stats.ts';
import { waitQuiet, type Watch } from './watch-monitor.ts';

export interface SteadyResult {
  windowMs: number;
  ticks: number;
  subprocesses: SubprocessCounts;
  subprocessesPerTick: number;
  cpuMsPerTick: number;
  cpuPctOfCore: number;
  childCpuMsPerTick: number;
  childCpuPctOfCore: number;
  checkWallMs: Summary;
  rssMb: number;
  /** RSS of the bench process just before this monitor was created. */
  rssBeforeMb: number;
  heapUsedMb: number;
  /** Subprocesses of the monitor's first check (details of every job are read once). */
  firstCheckSubprocesses: number;
}

export async function measureSteady(lane: Lane, watch: Watch, windowMs: number): Promise<SteadyResult> {
  await waitQuiet(watch, 60_000);
  // A few ticks first, so every job's summary row is known and the connections are open.
  while (watch.monitor.stats().checks < 3) await watch.nextCheckEnd();
  await waitQuiet(watch);
  await watch.nextCheckEnd();
  const checks0 = watch.monitor.stats().checks;
  const counts0 = lane.counts();
  const cpu0 = process.cpuUsage();
  const kids0 = reapedChildrenCpuMs();
  const t0 = performance.now();
  const firstCheck = watch.checks.length;
  await sleep(windowMs);
  await watch.nextCheckEnd();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const kidsMs = reapedChildrenCpuMs() - kids0;
  const ticks = watch.monitor.stats().checks - checks0;
  const subprocesses = countsSince(counts0, lane.counts());
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const walls = watch.checks.slice(firstCheck).flatMap((c) => (c.end === null ? [] : [c.end - c.start]));
  const memory = process.memoryUsage();
  return {
    windowMs: round(wallMs, 0),
    ticks,
    subprocesses,
    subprocessesPerTick: round(totalSubprocesses(subprocesses) / ticks, 2),
    cpuMsPerTick: round(cpuMs / ticks, 2),
    cpuPctOfCore: round((cpuMs / wallMs) * 100, 2),
    childCpuMsPerTick: round(kidsMs / ticks, 1),
    childCpuPctOfCore: round((kidsMs / wallMs) * 100, 2),
    checkWallMs: summarize(walls),
    rssMb: round(memory.rss / 2 ** 20, 1),
    rssBeforeMb: 0,
    heapUsedMb: round(memory.heapUsed / 2 ** 20, 1),
    firstCheckSubprocesses: 0,
  };
}
