// `npm run bench`: what one fleet check costs, against the launchd simulator with N jobs.
// Ours: one `launchctl print gui/<uid>` + one lsof for the whole fleet. Baseline (the seed's
// openclaw-fleet.sh): one `launchctl print <label>` + one `lsof -iTCP:<port>` per instance.
// Prints a table and writes bench-results/bench.json.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderPlistXml } from '../../src-main/platform/plist-file.ts';
import { scanListeners } from '../../src-main/platform/lsof-listeners.ts';
import { createLaunchctlAdapter } from '../../src-main/platform/launchctl.ts';
import { createLaunchdSim } from '../helpers/launchd-sim.ts';

const run = promisify(execFile);
const SIZES = [1, 10, 50];
const TRIALS = 20;
// The baseline is N× slower per trial; fewer trials keep the run short and its p95 still honest.
const BASELINE_TRIALS = 5;

interface Row {
  n: number;
  oursCalls: number;
  oursP50Ms: number;
  oursP95Ms: number;
  baselineCalls: number;
  baselineP50Ms: number;
  baselineP95Ms: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function measure(n: number): Promise<Row> {
  const sim = createLaunchdSim({ timeScale: 0.05 });
  const dir = mkdtempSync(join(tmpdir(), 'ocf-bench-'));
  try {
    const labels: string[] = [];
    for (let i = 0; i < n; i++) {
      const label = `ai.openclaw.bench-${i}`;
      const path = join(dir, `${label}.plist`);
      writeFileSync(
        path,
        renderPlistXml({
          Label: label,
          ProgramArguments: ['/bin/sleep', '600'],
          RunAtLoad: true,
          KeepAlive: true,
        }),
        { mode: 0o644 },
      );
      const result = await sim.run(['bootstrap', sim.domain, path]);
      if (result.exitCode !== 0) throw new Error(`bootstrap failed: ${result.stderr}`);
      labels.push(label);
    }
    const env = Object.fromEntries(
      Object.entries(sim.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const adapter = createLaunchctlAdapter({ launchctlPath: sim.launchctlPath, env });
    const ours: number[] = [];
    const before = adapter.callCount();
    for (let t = 0; t < TRIALS; t++)
      ours.push(await timed(() => Promise.all([adapter.fleetStatus(), scanListeners()])));
    const oursCalls = (adapter.callCount() - before) / TRIALS + 1;
    const baseline: number[] = [];
    for (let t = 0; t < BASELINE_TRIALS; t++) {
      baseline.push(
        await timed(async () => {
          for (const [i, label] of labels.entries()) {
            await run(sim.launchctlPath, ['print', `${sim.domain}/${label}`], { env });
            await run('lsof', ['-nP', `-iTCP:${20000 + i}`, '-sTCP:LISTEN']).catch(() => undefined);
          }
        }),
      );
    }
    return {
      n,
      oursCalls,
      oursP50Ms: percentile(ours, 50),
      oursP95Ms: percentile(ours, 95),
      baselineCalls: 2 * n,
      baselineP50Ms: percentile(baseline, 50),
      baselineP95Ms: percentile(baseline, 95),
    };
  } finally {
    await sim.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
for (const n of SIZES) rows.push(await measure(n));

const fmt = (ms: number) => ms.toFixed(1).padStart(8);
console.log(
  `fleet check cost, ${TRIALS} trials (baseline ${BASELINE_TRIALS}) (launchd simulator; subprocesses per check, wall ms)`,
);
console.log('    N | ours: procs   p50 ms   p95 ms | baseline: procs    p50 ms    p95 ms');
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(5)} | ${String(r.oursCalls).padStart(11)} ${fmt(r.oursP50Ms)} ${fmt(r.oursP95Ms)} | ${String(r.baselineCalls).padStart(15)} ${fmt(r.baselineP50Ms).padStart(9)} ${fmt(r.baselineP95Ms).padStart(9)}`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  join('bench-results', 'bench.json'),
  `${JSON.stringify({ trials: TRIALS, baselineTrials: BASELINE_TRIALS, rows }, null, 2)}\n`,
);
console.log('\nwritten: bench-results/bench.json');
