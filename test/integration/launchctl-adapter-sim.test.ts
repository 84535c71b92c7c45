// The adapter against the launchd simulator (test/launchd-sim/): real launchctl subprocesses, real jobs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceStatus } from '../../src-main/core/launchd-status.ts';
import { createLaunchctlAdapter, type LaunchctlAdapter } from '../../src-main/platform/launchctl.ts';
import { createLaunchctlRunner, type LaunchctlRunner } from '../../src-main/platform/launchctl-runner.ts';
import { createLaunchdSim, type LaunchdSim, type LaunchdSimOptions } from '../helpers/launchd-sim.ts';
import { commandLineOf, isRunningProcess } from '../helpers/process-facts.ts';

const TIME_SCALE = 0.05;
// Ignores SIGTERM (the ignored disposition survives exec), so a bootout drains until SIGKILL after
// ExitTimeOut × TIME_SCALE: a real drain window to load into.
const STUBBORN = ['/bin/sh', '-c', 'trap "" TERM; exec /bin/sleep 300'];
const SLEEPER = ['/bin/sleep', '300'];

const sims: LaunchdSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.shutdown()));
});

interface Fleet {
  sim: LaunchdSim;
  adapter: LaunchctlAdapter;
  /** argv of every launchctl call the adapter made. */
  calls: string[][];
  plist(label: string, job?: AgentJob): string;
}

interface AgentJob {
  program?: string[];
  /** Default true: launchd respawns the job whenever it exits. */
  keepAlive?: boolean;
  exitTimeOutS?: number;
}

function startFleet(
  simOptions: LaunchdSimOptions = {},
  /** Runs after each of the adapter's launchctl calls, before the adapter sees the result. */
  afterCall?: (args: readonly string[], sim: LaunchdSim) => Promise<void>,
  drainWindowMs = 2_000,
): Fleet {
  const sim = createLaunchdSim({ timeScale: TIME_SCALE, ...simOptions });
  sims.push(sim);
  const calls: string[][] = [];
  const execaRunner = createLaunchctlRunner({
    launchctlPath: sim.launchctlPath,
    timeoutMs: 10_000,
    env: sim.env,
  });
  const runner: LaunchctlRunner = async (args) => {
    calls.push([...args]);
    const result = await execaRunner(args);
    await afterCall?.(args, sim);
    return result;
  };
  const adapter = createLaunchctlAdapter({
    uid: sim.uid,
    runner,
    drainWindowMs,
    bootstrapRetryMs: 100,
    unloadPollMs: 50,
  });
  return { sim, adapter, calls, plist: (label, job) => writeAgentPlist(sim.dir, label, job) };
}

function writeAgentPlist(dir: string, label: string, job: AgentJob = {}): string {
  const path = join(dir, `${label}.plist`);
  const args = (job.program ?? SLEEPER)
    .map((arg) => `<string>${arg.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</string>`)
    .join('');
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>${label}</string>
  <key>ProgramArguments</key><array>${args}</array>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key>${job.keepAlive === false ? '<false/>' : '<true/>'}
  ${job.exitTimeOutS === undefined ? '' : `<key>ExitTimeOut</key><integer>${job.exitTimeOutS}</integer>`}
</dict>
</plist>
`,
    { mode: 0o644 },
  );
  return path;
}

async function waitForStatus(
  adapter: LaunchctlAdapter,
  label: string,
  wanted: (status: ServiceStatus) => boolean,
  timeoutMs = 5_000,
): Promise<ServiceStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await adapter.status(label);
    if (result.kind === 'ok' && result.job.loaded && wanted(result.job)) return result.job;
    if (Date.now() > deadline)
      throw new Error(`${label} never reached the wanted state; last: ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const running = (status: ServiceStatus) => status.state === 'running' && status.pid !== null;
const subcommands = (calls: string[][]) => calls.map(([subcommand]) => subcommand);

describe('launchctl adapter on the launchd simulator', () => {
  it('loads a plist and reports the running job with its pid', async () => {
    const { sim, plist } = startFleet();
    // The production wiring: launchctl path, uid and environment as options, execa underneath.
    const adapter = createLaunchctlAdapter({ launchctlPath: sim.launchctlPath, uid: sim.uid, env: sim.env });
    const path = plist('ai.openclaw.luca');
    expect(await adapter.load('ai.openclaw.luca', path)).toEqual({ kind: 'ok' });
    const status = await waitForStatus(adapter, 'ai.openclaw.luca', running);
    expect(status).toMatchObject({
      label: 'ai.openclaw.luca',
      loaded: true,
      plistPath: path,
      program: '/bin/sleep',
      arguments: SLEEPER,
      lastExit: { code: null, signal: null },
      runs: 1,
    });
    expect(commandLineOf(status.pid as number)).toBe(SLEEPER.join(' '));
    expect(adapter.domain).toBe(sim.domain);
  });

  it('reads the whole fleet with one launchctl call, for 1 job and for 5', async () => {
    const { adapter, plist } = startFleet();
    const labels = ['a', 'b', 'c', 'd', 'e'].map((name) => `ai.openclaw.${name}`);
    const callsPerFleetStatus = async (loaded: string[]) => {
      for (const label of loaded) await waitForStatus(adapter, label, running);
      const before = adapter.callCount();
      const fleet = await adapter.fleetStatus();
      expect(fleet.kind).toBe('ok');
      if (fleet.kind === 'ok') {
        expect(fleet.domain.services.map((row) => row.label).sort()).toEqual([...loaded].sort());
        expect(fleet.domain.services.every((row) => row.pid !== null && row.lastExitText === '-')).toBe(true);
      }
      return adapter.callCount() - before;
    };

    expect(await adapter.load(labels[0] as string, plist(labels[0] as string))).toEqual({ kind: 'ok' });
    const withOne = await callsPerFleetStatus(labels.slice(0, 1));
    for (const label of labels.slice(1))
      expect(await adapter.load(label, plist(label))).toEqual({ kind: 'ok' });
    const withFive = await callsPerFleetStatus(labels);
    expect([withOne, withFive]).toEqual([1, 1]);
  });

  it('answers already-loaded to a second load (non-root 5, and root 37)', async () => {
    for (const root of [false, true]) {
      const { adapter, plist, calls } = startFleet({ root });
      const path = plist('ai.openclaw.luca');
      expect(await adapter.load('ai.openclaw.luca', path)).toEqual({ kind: 'ok' });
      calls.length = 0;
      expect(await adapter.load('ai.openclaw.luca', path)).toEqual({ kind: 'already-loaded' });
      expect(subcommands(calls)).toEqual(['enable', 'bootstrap', 'print']);
    }
  });

  it('loads right after a bootout by retrying through the drain window', async () => {
    const { adapter, sim, plist, calls } = startFleet();
    // ExitTimeOut 10 s × 0.05 = 0.5 s between SIGTERM (ignored) and SIGKILL.
    const path = plist('ai.openclaw.luca', { program: STUBBORN, exitTimeOutS: 10 });
    expect(await adapter.load('ai.openclaw.luca', path)).toEqual({ kind: 'ok' });
    const before = await waitForStatus(adapter, 'ai.openclaw.luca', running);

    // Another tool boots the job out and does not wait.
    expect((await sim.run(['bootout', `${sim.domain}/ai.openclaw.luca`])).exitCode).toBe(0);
    calls.length = 0;
    const started = Date.now();
    expect(await adapter.load('ai.openclaw.luca', path)).toEqual({ kind: 'ok' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(subcommands(calls).filter((subcommand) => subcommand === 'bootstrap').length).toBeGreaterThan(1);

    const after = await waitForStatus(adapter, 'ai.openclaw.luca', running);
    expect(after.pid).not.toBe(before.pid);
  });

  it('unloads and returns only once launchd has let go of the label', async () => {
    const { adapter, plist, calls } = startFleet();
    const path = plist('ai.openclaw.luca', { program: STUBBORN, exitTimeOutS: 10 });
    await adapter.load('ai.openclaw.luca', path);
    const { pid } = await waitForStatus(adapter, 'ai.openclaw.luca', running);
    const started = Date.now();
    expect(await adapter.unload('ai.openclaw.luca')).toEqual({ kind: 'ok' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(await adapter.status('ai.openclaw.luca')).toEqual({
      kind: 'ok',
      job: { label: 'ai.openclaw.luca', loaded: false },
    });
    expect(isRunningProcess(pid as number)).toBe(false);
    // Nothing left to drain: an immediate load needs a single bootstrap.
    calls.length = 0;
    expect(await adapter.load('ai.openclaw.luca', path)).toEqual({ kind: 'ok' });
    expect(subcommands(calls)).toEqual(['enable', 'bootstrap']);
  });

  it('answers not-loaded to unloading a job that is not loaded', async () => {
    const { adapter, calls } = startFleet();
    expect(await adapter.unload('ai.openclaw.ghost')).toEqual({ kind: 'not-loaded' });
    expect(calls).toEqual([['bootout', `${adapter.domain}/ai.openclaw.ghost`]]);
  });

  it('restarts a running job into a new process', async () => {
    const { adapter, plist } = startFleet();
    const path = plist('ai.openclaw.luca');
    await adapter.load('ai.openclaw.luca', path);
    const before = await waitForStatus(adapter, 'ai.openclaw.luca', running);
    expect(await adapter.restart('ai.openclaw.luca', path)).toEqual({ kind: 'ok', via: 'kickstart' });
    const after = await waitForStatus(
      adapter,
      'ai.openclaw.luca',
      (status) => running(status) && status.pid !== before.pid,
    );
    // kickstart -k SIGKILLs the old instance.
    expect(after).toMatchObject({ runs: 2, lastExit: { code: null, signal: 9 } });
  });

  it('restarts a job that is not loaded by loading it', async () => {
    const { adapter, plist, calls } = startFleet();
    const path = plist('ai.openclaw.luca');
    expect(await adapter.restart('ai.openclaw.luca', path)).toEqual({ kind: 'ok', via: 'load' });
    expect(subcommands(calls)).toEqual(['kickstart', 'enable', 'bootstrap']);
    await waitForStatus(adapter, 'ai.openclaw.luca', running);
  });

  it('clears a disabled override when loading, and shows overrides', async () => {
    const { adapter, plist } = startFleet();
    expect(await adapter.disable('ai.openclaw.luca')).toEqual({ kind: 'ok' });
    expect(await adapter.disabledOverrides()).toEqual({ kind: 'ok', disabled: { 'ai.openclaw.luca': true } });
    expect(await adapter.load('ai.openclaw.luca', plist('ai.openclaw.luca'))).toEqual({ kind: 'ok' });
    expect(await adapter.disabledOverrides()).toEqual({
      kind: 'ok',
      disabled: { 'ai.openclaw.luca': false },
    });
    const fleet = await adapter.fleetStatus();
    expect(fleet.kind === 'ok' && fleet.domain.disabled).toEqual({ 'ai.openclaw.luca': false });
  });

  it.each([
    ['non-root: generic 5, recognised after the drain window', false],
    ['root: 119', true],
  ])(
    'reports disabled when the label is disabled again between enable and bootstrap (%s)',
    async (_name, root) => {
      // Stands in for the user or another tool disabling the label at the worst moment.
      const fleet = startFleet(
        { root },
        async (args, sim) => {
          if (args[0] === 'enable') await sim.run(['disable', `${sim.domain}/ai.openclaw.luca`]);
        },
        500,
      );
      const result = await fleet.adapter.load('ai.openclaw.luca', fleet.plist('ai.openclaw.luca'));
      expect(result).toMatchObject({
        kind: 'disabled',
        message: expect.stringContaining('ai.openclaw.luca is disabled'),
      });
      expect(subcommands(fleet.calls).at(-1)).toBe(root ? 'bootstrap' : 'print-disabled');
      expect(await fleet.adapter.status('ai.openclaw.luca')).toEqual({
        kind: 'ok',
        job: { label: 'ai.openclaw.luca', loaded: false },
      });
    },
  );

  it('reports no-gui-domain when nobody is logged in at the GUI', async () => {
    const { adapter, plist } = startFleet({ noGui: true });
    const results = [
      await adapter.load('ai.openclaw.luca', plist('ai.openclaw.luca')),
      await adapter.status('ai.openclaw.luca'),
      await adapter.fleetStatus(),
      await adapter.disabledOverrides(),
    ];
    expect(results.map((result) => result.kind)).toEqual(Array(4).fill('no-gui-domain'));
    expect(results[0]).toMatchObject({
      stderr: expect.stringContaining('125: Domain does not support specified action'),
    });
  });

  it('reports a job that cannot be spawned with exit code 78 (EX_CONFIG)', async () => {
    const { adapter, plist } = startFleet();
    // Without KeepAlive there is exactly one spawn attempt, so nothing respawns while we look.
    await adapter.load(
      'ai.openclaw.broken',
      plist('ai.openclaw.broken', { program: ['/nonexistent/openclaw'], keepAlive: false }),
    );
    const status = await waitForStatus(adapter, 'ai.openclaw.broken', (s) => s.lastExit.code === 78);
    expect(status.pid).toBeNull();
    const fleet = await adapter.fleetStatus();
    expect(fleet.kind === 'ok' && fleet.domain.services).toEqual([
      { label: 'ai.openclaw.broken', pid: null, lastExit: { code: 78, signal: null }, lastExitText: '78' },
    ]);
  });
});
