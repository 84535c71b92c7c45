// The bench's output: one table (a row per metric, a column per fleet size, the target last), a legend,
// the evidence for what bounds each latency, and the JSON written to bench-results/monitor.json.
import { DEFAULT_MONITOR_SETTINGS } from '../../src-main/core/monitor/monitor-types.ts';
import { REAL_TIME_SCALE, TIME_SCALE } from './bench-fleet.ts';
import type { SizeResult } from './measure-size.ts';
import { median, round, summarize, type Summary } from './stats.ts';

const ms = (v: number | null) => (v === null ? '-' : String(Math.round(v)));
const cell = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} (${s.n})`;
const num = (v: number, digits = 1) => v.toFixed(digits);

interface Row {
  label: string;
  cells: string[];
  target: string;
}

export function derive(r: SizeResult) {
  return {
    exit: summarize(r.exits.map((t) => t.latencyMs)),
    port: summarize(r.ports.flatMap((p) => p.trials.map((t) => t.latencyMs))),
    crash: summarize(r.crashes.map((t) => t.latencyMs)),
    restartOverhead: summarize(r.restarts.map((t) => t.overheadMs)),
    restartWall: summarize(r.restarts.map((t) => t.wallMs)),
    gatewayStart: summarize(r.restarts.map((t) => t.gatewayStartMs)),
    baselineProcs: 2 * r.plan.n,
    baselineWall: summarize(r.baseline.checkWallsMs),
    baselineExit: summarize(r.baseline.latenciesMs),
  };
}

type Derived = ReturnType<typeof derive>;

export function renderTable(results: SizeResult[]): string {
  const d = results.map(derive);
  const row = (label: string, f: (r: SizeResult, x: Derived) => string, target = ''): Row => ({
    label,
    cells: results.map((r, i) => f(r, d[i]!)),
    target,
  });
  const section = (label: string): Row => row(label, () => '');
  const rows: Row[] = [
    section('OURS (monitor, default settings)'),
    row('subprocesses per tick (steady)', (r) => num(r.steady.subprocessesPerTick, 2), 'constant in N'),
    row('subprocesses, first check', (r) => String(r.steady.firstCheckSubprocesses)),
    row('check wall ms p50 / p95 (ticks)', (r) => cell(r.steady.checkWallMs)),
    row('CPU ms per tick (monitor process)', (r) => num(r.steady.cpuMsPerTick, 2)),
    row('% of a core, idle', (r) => num(r.steady.cpuPctOfCore, 2), '<= 1 % at N=10'),
    row('% of a core incl. its subprocesses', (r) =>
      num(r.steady.childCpuPctOfCore + r.steady.cpuPctOfCore, 2),
    ),
    row(
      'RSS MB (monitor process; before monitor)',
      (r) => `${num(r.steady.rssMb)} (${num(r.steady.rssBeforeMb)})`,
    ),
    row('kill -9 -> exited ms p50 / p95 (n)', (_, x) => cell(x.exit), 'p95 <= 1000'),
    row(
      'stop listening -> port-closed ms',
      (_, x) => cell(x.port),
      `>= grace ${DEFAULT_MONITOR_SETTINGS.graceMs}`,
    ),
    row('crash loop -> crash-loop ms', (_, x) => cell(x.crash)),
    row('restart overhead ms', (_, x) => cell(x.restartOverhead)),
    row(
      '  restart wall / gateway start p50',
      (_, x) => `${ms(x.restartWall.p50)} / ${ms(x.gatewayStart.p50)}`,
    ),
    section('BASELINE (seed: print+lsof per instance)'),
    row('subprocesses per check', (_, x) => String(x.baselineProcs)),
    row('check wall ms p50 / p95 (checks)', (_, x) => cell(x.baselineWall)),
    row('kill -9 -> noticed ms p50 / p95 (n)', (_, x) => cell(x.baselineExit)),
  ];
  const header: Row = { label: 'metric', cells: results.map((r) => `N=${r.plan.n}`), target: 'target' };
  const all = [header, ...rows];
  const w0 = Math.max(...all.map((r) => r.label.length));
  const wc = results.map((_, i) => Math.max(...all.map((r) => r.cells[i]!.length)));
  const wt = Math.max(...all.map((r) => r.target.length));
  const line = (r: Row) =>
    [r.label.padEnd(w0), ...r.cells.map((c, i) => c.padStart(wc[i]!)), r.target.padEnd(wt)]
      .join(' | ')
      .trimEnd();
  const rule = ['-'.repeat(w0), ...wc.map((w) => '-'.repeat(w)), '-'.repeat(wt)].join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The three targets of the issue, each met or not, with the number that decides it. */
export function renderVerdict(results: SizeResult[]): string {
  const perTick = results.map((r) => r.steady.subprocessesPerTick);
  const constant = Math.max(...perTick) - Math.min(...perTick) < 0.05;
  const worst = results
    .map((r) => ({ n: r.plan.n, p95: derive(r).exit.p95 ?? Infinity }))
    .sort((a, b) => b.p95 - a.p95)[0]!;
  const ten = results.find((r) => r.plan.n === 10);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    'Targets',
    `  subprocesses per tick constant in N: ${verdict(constant)} (${perTick.map((v) => num(v, 2)).join(', ')})`,
    `  kill -9 -> exited p95 <= 1000 ms: ${verdict(worst.p95 <= 1000)} (worst p95 ${ms(worst.p95)} ms, at N=${worst.n})`,
    ten === undefined
      ? '  monitor <= 1 % of a core at N=10: not measured in this run'
      : `  monitor <= 1 % of a core at N=10: ${verdict(ten.steady.cpuPctOfCore <= 1)} (${num(ten.steady.cpuPctOfCore, 2)} %` +
        ` of the monitor process; ${num(ten.steady.cpuPctOfCore + ten.steady.childCpuPctOfCore, 2)} % with its subprocesses)`,
  ].join('\n');
}

export function renderLegend(results: SizeResult[]): string {
  const s = DEFAULT_MONITOR_SETTINGS;
  const c = results[0]!.calibration;
  const per = (f: (r: SizeResult) => string) => results.map((r) => `N=${r.plan.n}: ${f(r)}`).join(', ');
  return [
    'Legend',
    `- Cells: p50 / p95 (trial count), ms. Every trial runs DEFAULT_MONITOR_SETTINGS (interval ${s.intervalMs} ms,`,
    `  grace ${s.graceMs} ms, crash loop ${s.crashLoopExits} exits in ${s.crashLoopWindowMs / 1000} s). launchd simulator; stub gateways`,
    `  (Node, ~0.1-0.2 s from spawn to listening). Main lane: timeScale ${TIME_SCALE} (ThrottleInterval 10 s ->`,
    `  ${10_000 * TIME_SCALE} ms, so a killed gateway is back at once); crash-loop lane: timeScale ${REAL_TIME_SCALE}. Trial gateways`,
    "  run the stub knob readyDelayMs 0 (no startup window), so a monitor's first dial to a respawned one is",
    '  admitted; what the real ~1.5 s window costs is measured on its own lane ("after a respawn" below).',
    `- One simulator launchctl call here: ${c.launchctlPrintMs} ms wall, ${c.launchctlCpuMs} ms CPU (a Node program; launchd's`,
    `  launchctl is a small C binary); one lsof: ${c.lsofMs} ms wall, ${c.lsofCpuMs} ms CPU.`,
    '- Idle: a Node process of its own that runs only the monitor (idle-probe.ts), on a healthy fleet,',
    '  after 4 warm-up ticks, over whole ticks. CPU = process.cpuUsage of that process; "incl.',
    '  subprocesses" adds the launchctl/lsof children it reaped (/proc cutime+cstime). RSS of that process',
    '  (in parentheses: before the monitor was created). The gateways are other processes.',
    '- kill -9: a steady new monitor per trial (all healthy, connections held, no urgent checks pending);',
    '  SIGKILL at a uniformly random phase of the 2 s rhythm; latency to the event reaching a listener.',
    `- port-closed: kickstart -k with the stub knob closePortAfterMs (${per((r) => `${r.ports[0]?.closePortAfterMs ?? '-'}`)} ms),`,
    '  the monitor holds a connection to the new process and saw it serve before the close (N=1: a new',
    '  monitor per trial; N>1: one monitor rotating over instances, asked to check once the new process',
    '  listens, as the app does after a restart); from the close (stub log "http server listening" + knob)',
    `  to the event. Lanes (simulator + fleet + monitor) side by side: ${per((r) => String(r.plan.portLanes))}.`,
    '- crash-loop: knobs exitAfterMs=100, exitCode=1, then kickstart -k; from the first exit (stub log',
    '  "Uncaught exception", written just before it exits) to the event; one lane alone; a monitor is',
    '  never reused for an instance it saw exit (restarts count toward "3 exits in 120 s").',
    '- restart overhead: restartInstance (what `openclaw-fleet restart` runs; no monitor running) wall time',
    '  minus the new gateway\'s own start (spawn per /proc start time -> its "listening" log line).',
    "- Baseline (the seed's way): per instance, one after the other, `launchctl print gui/<uid>/<label>` +",
    '  `lsof -iTCP:<port> -sTCP:LISTEN`, then sleep 2 s. Check wall: back-to-back checks on the quiet fleet.',
    '  An exit is noticed when print shows another pid. Kill trials run alone; different instances are',
    `  killed concurrently (at N=1 on ${results[0]!.baseline.lanes} one-instance lanes).`,
  ].join('\n');
}

export function renderBounds(results: SizeResult[]): string {
  const lines = ['What bounds each latency (medians over the trials, ms)'];
  const med = (values: number[]) => ms(median(values));
  for (const r of results) {
    const e = r.exits;
    const p = r.ports.flatMap((q) => q.trials);
    const c = r.crashes;
    const first = e.filter((t) => t.checksToDetect <= 1).length;
    const falseLoops = e.filter((t) => t.otherEvents.includes('crash-loop')).length;
    const rules = Object.entries(countBy(c.map((t) => t.rule))).map(([k, v]) => `${k} ${v}`);
    lines.push(
      `  N=${r.plan.n}`,
      `    exited: connection drop ${med(pick(e, 'dropMs'))} + check ${med(pick(e, 'checkMs'))} (it began` +
        ` ${med(pick(e, 'checkStartMs'))} after the kill; the check under way or the first one after it saw the exit in` +
        ` ${first}/${e.length}; a crash-loop alongside in ${falseLoops}/${e.length})`,
      `    port-closed: drop ${med(pick(p, 'dropMs'))} after the scheduled close; the emitting check began` +
        ` ${med(pick(p, 'checkStartMs'))} after the close, ${median(p.map((t) => t.checks)) ?? '-'} checks` +
        ` after it; discarded trials ${r.ports.reduce((a, q) => a + q.discarded, 0)}`,
      `    crash-loop: the emitting check began ${med(pick(c, 'checkStartMs'))} after the first exit; rule:` +
        ` ${rules.join(', ')}; exited events before it ${median(c.map((t) => t.exitedEvents)) ?? '-'}`,
      `    restart: ${median(r.restarts.map((t) => t.subprocesses)) ?? '-'} subprocesses; kickstart issued` +
        ` ${med(pick(r.restarts, 'beforeKickMs'))} after the operation began`,
    );
    if (r.reconnects.length > 0) {
      const k = r.reconnects;
      lines.push(
        `    after a respawn (startup window 1.5 s, ${k.length} trials): the monitor held a connection` +
          ` again ${med(k.map((t) => t.listenToHeldMs))} after the new gateway listened; refused dials` +
          ` ${median(k.map((t) => t.failedDials)) ?? '-'}; ${median(k.map((t) => t.subprocesses)) ?? '-'}` +
          ` subprocesses in ${median(k.map((t) => t.checks)) ?? '-'} checks from the kill until then`,
      );
    }
  }
  return lines.join('\n');
}

function pick<T, K extends keyof T>(items: readonly T[], key: K): number[] {
  return items.flatMap((i) => (typeof i[key] === 'number' ? [i[key] as number] : []));
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function toJson(results: SizeResult[], totalMs: number, machine: object): unknown {
  return {
    machine,
    settings: DEFAULT_MONITOR_SETTINGS,
    timeScale: TIME_SCALE,
    totalSeconds: round(totalMs / 1000),
    sizes: results.map((r) => ({ ...r, summary: derive(r) })),
  };
}
