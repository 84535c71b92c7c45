// The product against the real `openclaw` gateway from the npm registry (openclaw@2026.9.6, pinned in
// test/real-gateway/package.json), run by the launchd simulator: add, status, audit, restart, start,
// the monitor's exited/recovered/crash-loop/auth-failed, and what the gateway writes where.
//
// The harness is ~800 MB and is installed by `npm ci --prefix test/real-gateway` (.ci/run does it).
// Without it this file fails when CI is set or OPENCLAW_FLEET_REAL_GATEWAY=required, and skips with
// a message otherwise, so a developer without the install can still run `npm test`.
//
// Each gateway takes ~0.8 GB and several seconds to listen: at most three run at once (alpha,
// bravo, and charlie while it crash-loops), the tests share them and run in order, and the
// simulator's shutdown (plus a kill by pid) ends every gateway even when a test fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeAuthenticatedHealth, probeHealthz } from '../../src-main/platform/gateway-probe.ts';
import { filesContaining, spacedPort } from '../helpers/add-remove-kit.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { waitForHealth, watchFleet, type WatchedFleet } from '../helpers/monitor-kit.ts';
import { pidAlive, printJob, sleep } from '../e2e-cli/control-kit.ts';

const HARNESS = new URL('.', import.meta.url).pathname;
const NODE = join(HARNESS, 'node_modules', 'node', 'bin', 'node');
const ENTRY = join(HARNESS, 'node_modules', 'openclaw', 'dist', 'index.js');
const installed = existsSync(NODE) && existsSync(ENTRY);
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
const required = ci || process.env.OPENCLAW_FLEET_REAL_GATEWAY === 'required';
const MISSING =
  `the real-gateway harness is not installed (${ENTRY} is missing): ` +
  'run `npm ci --prefix test/real-gateway --no-audit --no-fund`';

// launchd's ThrottleInterval (10 s) and ExitTimeOut (20 s) at a quarter: a crash loop shows within
// ~10 s and a restart's SIGTERM drain still has 5 s before SIGKILL.
const TIME_SCALE = 0.25;
const ADD_TIMEOUT_S = 90;
/** The tests' readings, printed at the end (start time, RSS, wall time). */
const measured: string[] = [];

type StatusInstance = {
  name: string;
  label: string;
  stateDir: string;
  health: string;
  reason: string | null;
  lastError: string | null;
  launchd: { pid: number | null; state: string | null; lastExitCode: number | null; disabled: boolean };
  port: { number: number | null; listening: boolean; ownerPid: number | null };
};

if (!installed && !required) {
  describe.skip(`real gateway (skipped: ${MISSING})`, () => {
    it('needs the harness', () => undefined);
  });
  console.warn(
    `[real-gateway] skipped: ${MISSING}. Set OPENCLAW_FLEET_REAL_GATEWAY=required to fail instead.`,
  );
} else if (!installed) {
  describe('real gateway', () => {
    it('has its harness installed (required in CI)', () => {
      throw new Error(MISSING);
    });
  });
} else {
  describe('real gateway (openclaw@2026.9.6) under the launchd simulator', realGatewaySuite);
}

function realGatewaySuite(): void {
  let env: FleetEnv;
  let watched: WatchedFleet | null = null;
  const started = Date.now();
  const pids = new Set<number>();
  const ports: number[] = [];
  const tokens = new Map<string, string>();

  async function port(): Promise<number> {
    const p = await spacedPort(ports);
    ports.push(p);
    return p;
  }

  async function status(name?: string): Promise<StatusInstance[]> {
    const run = await env.cli(['status', '--json', ...(name === undefined ? [] : [name])]);
    const parsed = JSON.parse(run.stdout) as { instances: StatusInstance[] };
    for (const i of parsed.instances) if (i.launchd.pid !== null) pids.add(i.launchd.pid);
    return parsed.instances;
  }

  async function statusOf(name: string): Promise<StatusInstance> {
    const found = (await status(name)).find((i) => i.name === name);
    if (found === undefined) throw new Error(`no status for ${name}`);
    return found;
  }

  /** Waits until `status` says healthy (the gateway answers its health call only once its sidecars run). */
  async function untilHealthy(name: string, timeoutMs = 60_000): Promise<StatusInstance> {
    const last = await eventually(
      () => statusOf(name),
      (i) => i.health === 'healthy',
      timeoutMs,
    );
    expect(last.health, JSON.stringify(last)).toBe('healthy');
    return last;
  }

  function rssMiB(pid: number): number {
    return Math.round(
      Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) / 1024,
    );
  }

  function configToken(stateDir: string): string {
    const config = JSON.parse(readFileSync(join(stateDir, 'openclaw.json'), 'utf8')) as {
      gateway: { auth: { token: string } };
    };
    return config.gateway.auth.token;
  }

  function setConfigToken(stateDir: string, token: string): void {
    const path = join(stateDir, 'openclaw.json');
    const config = JSON.parse(readFileSync(path, 'utf8')) as { gateway: { auth: { token: string } } };
    config.gateway.auth.token = token;
    writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  }

  /** Files in /tmp/openclaw (the gateway's JSONL log dir) changed since `since`. */
  function tmpOpenclawWrittenSince(since: number): string[] {
    try {
      return readdirSync('/tmp/openclaw').filter(
        (f) => statSync(join('/tmp/openclaw', f)).mtimeMs >= since - 1000,
      );
    } catch {
      return [];
    }
  }

  beforeAll(() => {
    env = createFleetEnv({ timeScale: TIME_SCALE });
    // The simulator's supervisor hands its HOME to every job; make it the env's throwaway HOME
    // whichever launchctl call starts the supervisor, so the gateway never sees the real one.
    env.sim.env.HOME = env.home;
  });

  afterAll(async () => {
    await watched?.monitor.stop();
    try {
      await env?.cleanup();
    } finally {
      // The simulator's shutdown ends its jobs; anything that survived (a detached helper of the
      // gateway, say) goes by pid.
      for (const pid of pids) if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
      measured.push(`suite wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.info(`[real-gateway] ${measured.join('; ')}`);
    }
  });

  it('adds two instances that come up healthy, each on its own label, port, state dir and token; audit is clean', async () => {
    const instances: StatusInstance[] = [];
    for (const name of ['alpha', 'bravo']) {
      const p = await port();
      const t0 = Date.now();
      const run = await env.cli([
        'add',
        name,
        '--port',
        String(p),
        '--node',
        NODE,
        '--entry',
        ENTRY,
        '--timeout',
        String(ADD_TIMEOUT_S),
      ]);
      expect(run.exitCode, run.stderr + run.stdout).toBe(0);
      const serving = Date.now() - t0;
      const st = await untilHealthy(name);
      const healthy = Date.now() - t0;
      expect(st).toMatchObject({ label: `ai.openclaw.${name}`, launchd: { state: 'running' } });
      expect(st.port).toEqual({ number: p, listening: true, ownerPid: st.launchd.pid });
      const pid = st.launchd.pid!;
      measured.push(
        `${name}: add serving after ${(serving / 1000).toFixed(1)} s, healthy after ${(healthy / 1000).toFixed(1)} s, RSS ${rssMiB(pid)} MiB`,
      );
      instances.push(st);
    }
    const [alpha, bravo] = instances as [StatusInstance, StatusInstance];
    for (const i of instances) tokens.set(i.name, configToken(i.stateDir));

    // Unique identity: labels, ports, state dirs, pids and tokens.
    for (const key of ['label', 'stateDir'] as const) expect(alpha[key]).not.toBe(bravo[key]);
    expect(alpha.port.number).not.toBe(bravo.port.number);
    expect(alpha.launchd.pid).not.toBe(bravo.launchd.pid);
    expect(tokens.get('alpha')).not.toBe(tokens.get('bravo'));

    // Liveness without auth, and the authenticated health call with each one's own token only.
    for (const i of instances) {
      expect(await probeHealthz(i.port.number!, 5000)).toEqual({ ok: true, status: 200 });
      const own = await probeAuthenticatedHealth(i.port.number!, tokens.get(i.name)!, 10_000);
      expect(own.ok, JSON.stringify(own)).toBe(true);
      const other = tokens.get(i.name === 'alpha' ? 'bravo' : 'alpha')!;
      const foreign = await probeAuthenticatedHealth(i.port.number!, other, 10_000);
      expect(foreign).toMatchObject({ ok: false, code: 'AUTH_TOKEN_MISMATCH' });
    }

    const audit = await env.cli(['audit', '--json']);
    expect(JSON.parse(audit.stdout), audit.stdout).toEqual({ ok: true, findings: [] });
    expect(audit.exitCode).toBe(0);
  });

  it('restart gives a new pid that serves again', async () => {
    const before = await statusOf('alpha');
    const t0 = Date.now();
    const run = await env.cli(['restart', 'alpha', '--timeout', String(ADD_TIMEOUT_S)]);
    expect(run.exitCode, run.stderr + run.stdout).toBe(0);
    const after = await untilHealthy('alpha');
    measured.push(`alpha: restart healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(after.launchd.pid).not.toBe(before.launchd.pid);
    expect(pidAlive(before.launchd.pid!)).toBe(false);
    expect(after.port.ownerPid).toBe(after.launchd.pid);
  });

  it('the monitor sees kill -9 as exited, KeepAlive respawns it, and it reports recovered', async () => {
    watched = watchFleet(env, { settings: { probeTimeoutMs: 5000, graceMs: 2500 } });
    watched.monitor.start();
    const bravo = await waitForHealth(watched, 'bravo', 'healthy', 30_000);
    await waitForHealth(watched, 'alpha', 'healthy', 30_000);
    const killedAt = Date.now();
    process.kill(bravo.pid!, 'SIGKILL');
    const exited = await watched.waitForEvent((e) => e.type === 'exited' && e.instance === 'bravo', 15_000);
    expect(exited.reason).toMatch(/^bravo \(pid \d+\) was killed by signal 9/);
    const recovered = await watched.waitForEvent(
      (e) => e.type === 'recovered' && e.instance === 'bravo',
      90_000,
    );
    const again = await waitForHealth(watched, 'bravo', 'healthy', 30_000);
    pids.add(again.pid!);
    expect(again.pid).not.toBe(bravo.pid);
    measured.push(
      `bravo: exited ${exited.at - killedAt} ms after kill -9, recovered ${((recovered.at - killedAt) / 1000).toFixed(1)} s after`,
    );
    // alpha was not disturbed.
    expect(watched.events.filter((e) => e.instance === 'alpha')).toEqual([]);
  });

  it('a token edit is hot-applied by the gateway (no alarm); with reload off it is auth-failed with a reason, then recovered', async () => {
    const w = watched!;
    const alpha = await statusOf('alpha');
    const path = join(alpha.stateDir, 'openclaw.json');
    const original = readFileSync(path, 'utf8');
    const token = tokens.get('alpha')!;
    const other = 'f'.repeat(64);
    tokens.set('alpha-other', other);
    const from = w.events.length;

    // Finding: openclaw 2026.9.6 hot-reloads gateway.auth.token (reload mode "hybrid" by default),
    // so an edited token is no mismatch: the gateway takes it after its 300 ms debounce. The monitor
    // may dial with the new token before that; its quick re-dial (held-connections.ts) keeps this
    // rotation from raising auth-failed.
    const editedAt = Date.now();
    setConfigToken(alpha.stateDir, other);
    const took = await eventually(
      () => probeAuthenticatedHealth(alpha.port.number!, other, 5000),
      (r) => r.ok,
      20_000,
    );
    expect(took.ok, JSON.stringify(took)).toBe(true);
    measured.push(`alpha: edited token accepted ${Date.now() - editedAt} ms after the edit`);
    writeFileSync(path, original, { mode: 0o600 });
    const back = await eventually(
      () => probeAuthenticatedHealth(alpha.port.number!, token, 5000),
      (r) => r.ok,
      20_000,
    );
    expect(back.ok, JSON.stringify(back)).toBe(true);
    await sleep(4000);
    expect(w.events.slice(from).filter((e) => e.instance === 'alpha')).toEqual([]);

    // With the gateway's reload off (a hot change itself), the next token edit is what the monitor
    // must catch: the file and the running gateway disagree.
    const config = JSON.parse(original) as { gateway: Record<string, unknown> };
    config.gateway.reload = { mode: 'off' };
    writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    await sleep(2000);
    const changedAt = Date.now();
    setConfigToken(alpha.stateDir, other);
    const failed = await w.waitForEvent(
      (e) => w.events.indexOf(e) >= from && e.type === 'auth-failed' && e.instance === 'alpha',
      60_000,
    );
    expect(failed.reason).toBe(
      'token rejected by the gateway (AUTH_TOKEN_MISMATCH): openclaw.json and the running gateway disagree',
    );
    const degraded = await waitForHealth(w, 'alpha', 'degraded', 30_000);
    expect(degraded.reason).toBe(failed.reason);
    expect((await statusOf('alpha')).health).toBe('degraded');
    setConfigToken(alpha.stateDir, token);
    const recovered = await w.waitForEvent(
      (e) =>
        w.events.indexOf(e) > w.events.indexOf(failed) && e.type === 'recovered' && e.instance === 'alpha',
      60_000,
    );
    measured.push(`alpha: auth-failed ${((failed.at - changedAt) / 1000).toFixed(1)} s after the edit`);
    expect(recovered.at).toBeGreaterThan(failed.at);
    writeFileSync(path, original, { mode: 0o600 });
    // The gateway kept running throughout.
    expect((await statusOf('alpha')).launchd.pid).toBe(alpha.launchd.pid);
  });

  let charlie: InstalledInstance;
  it('a third job on alpha’s state dir exits 78: the gateway’s own error reaches status and the events', async () => {
    const w = watched!;
    const alpha = await statusOf('alpha');
    const from = w.events.length;
    // A hand-written plist: charlie's own label, port and config, but alpha's state dir.
    charlie = await installInstance(env, 'charlie', await port(), {
      editPlist: (plist) => {
        plist.ProgramArguments = [NODE, ENTRY, 'gateway', '--port', String(ports.at(-1))];
        (plist.EnvironmentVariables as Record<string, string>).OPENCLAW_STATE_DIR = alpha.stateDir;
      },
    });
    const loop = await w.waitForEvent(
      (e) => w.events.indexOf(e) >= from && e.type === 'crash-loop' && e.instance === 'charlie',
      90_000,
    );
    console.info(`[real-gateway] charlie events: ${JSON.stringify(w.events.slice(from))}`);
    expect(loop.reason).toMatch(/(exit|code) 78: Gateway failed to start: .*another OpenClaw process owns/);
    // status is one look: between two attempts (launchd's throttle) it says crash-loop; while the
    // respawned process is starting it says starting, with runs, last exit 78 and the error line.
    const st = await eventually(
      () => statusOf('charlie'),
      (i) => i.health === 'crash-loop' || i.health === 'down',
      30_000,
    );
    console.info(`[real-gateway] charlie status: ${JSON.stringify(st)}`);
    expect(['crash-loop', 'down']).toContain(st.health);
    expect(st.reason).toMatch(/78/);
    expect(st.launchd.lastExitCode).toBe(78);
    expect(st.lastError).toMatch(/another OpenClaw process owns|Gateway failed to start|failed to park/);
    // The gateway tried to park its own label (`launchctl disable gui/<uid>/ai.openclaw.charlie`, so
    // OPENCLAW_PROFILE/OPENCLAW_LAUNCHD_LABEL kept it on its own job), but found no launchctl.
    const exited = w.events.find((e) => e.type === 'exited' && e.instance === 'charlie')!;
    expect(JSON.stringify(exited)).toContain(
      'failed to park the managed LaunchAgent: launchctl disable failed while parking gui/',
    );
    expect(JSON.stringify(exited)).toContain('/ai.openclaw.charlie: Command failed during launch');
    // Parking needs `launchctl` on the job's PATH and the simulator's LAUNCHD_SIM_DIR in its
    // environment; neither is there, so the job stays loaded and KeepAlive keeps respawning it.
    const job = await printJob(env, charlie.label);
    expect(job, 'charlie is still loaded (not parked)').not.toBeNull();
    // alpha keeps serving through it.
    expect((await statusOf('alpha')).health).toBe('healthy');
    // Stop the loop: bootout, so only two gateways remain.
    const stop = await env.cli(['stop', 'charlie']);
    expect(stop.exitCode, stop.stderr).toBe(0);
  });

  it('a port clash between two plists: audit errors, add and start refuse before anything is loaded', async () => {
    const alpha = await statusOf('alpha');
    const p = alpha.port.number!;
    await installInstance(env, 'delta', p, { load: false });
    const audit = await env.cli(['audit', '--json']);
    expect(audit.exitCode).not.toBe(0);
    const findings = (JSON.parse(audit.stdout) as { findings: Array<{ code?: string; severity?: string }> })
      .findings;
    expect(JSON.stringify(findings)).toContain('duplicate-port');

    const start = await env.cli(['start', 'delta']);
    expect(start.exitCode).not.toBe(0);
    expect(start.stderr).toContain('duplicate-port');
    expect(await printJob(env, 'ai.openclaw.delta')).toBeNull();

    const add = await env.cli(['add', 'echo', '--port', String(p), '--node', NODE, '--entry', ENTRY]);
    expect(add.exitCode).not.toBe(0);
    expect(await printJob(env, 'ai.openclaw.echo')).toBeNull();
    expect(existsSync(join(env.root, '.openclaw-echo'))).toBe(false);
    // alpha is untouched.
    expect((await statusOf('alpha')).launchd.pid).toBe(alpha.launchd.pid);
  });

  it('wrote nothing outside the instances’ own dirs, and no token in any output or file the product wrote', async () => {
    await watched?.monitor.stop();
    const rootEntries = readdirSync(env.root).sort();
    const homeEntries = readdirSync(env.home, { recursive: true }).map(String).sort();
    const tmpNew = tmpOpenclawWrittenSince(started);
    console.info(`[real-gateway] root: ${JSON.stringify(rootEntries)}`);
    console.info(`[real-gateway] HOME: ${JSON.stringify(homeEntries)}`);
    console.info(`[real-gateway] /tmp/openclaw new: ${JSON.stringify(tmpNew)}`);
    expect(
      rootEntries.filter((e) => !/^\.openclaw-(alpha|bravo|charlie|delta)$/.test(e) && e !== '.fleet'),
    ).toEqual([]);
    expect(homeEntries).toEqual([]);
    // The gateway's own JSONL log: /tmp/openclaw/openclaw-<profile>-<date>.log, one per instance
    // (named after OPENCLAW_PROFILE); outside the state dir unless openclaw.json sets logging.file.
    for (const f of tmpNew) expect(f).toMatch(/^openclaw-(alpha|bravo|charlie)-\d{4}-\d{2}-\d{2}\.log$/);
    expect(readdirSync(env.agentsDir).sort()).toEqual(
      ['alpha', 'bravo', 'charlie', 'delta'].map((n) => `ai.openclaw.${n}.plist`),
    );

    const transcript = env.transcript();
    const all = [...new Set([...tokens.values(), ...env.tokens()])];
    for (const token of all) {
      expect(transcript).not.toContain(token);
      expect(JSON.stringify(watched?.events ?? [])).not.toContain(token);
      expect(filesContaining(env.agentsDir, token)).toEqual([]);
      expect(filesContaining(join(env.root, '.fleet'), token)).toEqual([]);
      for (const i of ['alpha', 'bravo', 'charlie']) {
        const log = join(env.root, `.openclaw-${i}`, 'logs', 'gateway.log');
        if (existsSync(log)) expect(readFileSync(log, 'utf8')).not.toContain(token);
      }
      for (const f of tmpNew) {
        expect(readFileSync(join('/tmp/openclaw', f), 'utf8')).not.toContain(token);
      }
    }
  });
}
