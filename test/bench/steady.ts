// The idle cost of the monitor on a healthy fleet, measured in a Node process of its own that runs
// nothing but the monitor (idle-probe.ts), so neither the harness's heap nor its other work is counted:
// subprocesses per tick, CPU per tick and share of a core (process.cpuUsage of that process), the CPU
// of the subprocesses it reaped (/proc cutime+cstime), check wall time, and RSS.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  countsSince,
  totalSubprocesses,
  type CountedFleet,
  type FleetSpec,
  type SubprocessCounts,
} from './counted-fleet.ts';
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
  /** RSS of the probe process before the monitor was created (Node and the loaded modules). */
  rssBeforeMb: number;
  heapUsedMb: number;
  /** Subprocesses of the monitor's first check (details of every job are read once). */
  firstCheckSubprocesses: number;
}

/** Ticks before the window: connections opened, every job's summary row known, the code warmed up. */
const WARM_UP_TICKS = 4;

export async function measureSteady(
  fleet: CountedFleet,
  watch: Watch,
  windowMs: number,
): Promise<Omit<SteadyResult, 'firstCheckSubprocesses' | 'rssBeforeMb'>> {
  await waitQuiet(watch, 60_000);
  while (watch.monitor.stats().checks < WARM_UP_TICKS) await watch.nextCheckEnd();
  await waitQuiet(watch);
  await watch.nextCheckEnd();
  const checks0 = watch.monitor.stats().checks;
  const counts0 = fleet.counts();
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
  const subprocesses = countsSince(counts0, fleet.counts());
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
    heapUsedMb: round(memory.heapUsed / 2 ** 20, 1),
  };
}

const PROBE = fileURLToPath(new URL('./idle-probe.ts', import.meta.url));

/** Runs idle-probe.ts on the fleet and returns what it measured. */
export function idleCost(spec: FleetSpec, windowMs: number): Promise<SteadyResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROBE], {
      env: { ...process.env, BENCH_IDLE_PROBE: JSON.stringify({ spec, windowMs }) },
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 180_000,
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as SteadyResult);
      else reject(new Error(`bench: idle-probe exited with ${code}`));
    });
  });
}
