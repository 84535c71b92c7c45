import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { freePort, getProbe, setKnobs } from '../helpers/stub-gateway.ts';
import { expectNoTokens, pidAlive, pidIn, portFree, printJob, sleep } from './control-kit.ts';

let env: FleetEnv;
let luca: InstalledInstance;

beforeAll(async () => {
  env = createFleetEnv();
  luca = await installInstance(env, 'luca', await freePort(), { load: false });
});
afterAll(async () => {
  expectNoTokens(env);
  await env.cleanup();
});

describe('start and stop against the simulator and a stub gateway', () => {
  it('starts a stopped instance and reports the pid launchd runs, serving', async () => {
    expect(await printJob(env, luca.label)).toBeNull();
    const run = await env.cli(['start', 'luca']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^started ai\.openclaw\.luca: pid \d+, serving after \d+\.\d s\n$/);
    const pid = pidIn(run.stdout, /pid (\d+)/);
    const job = await printJob(env, luca.label);
    expect(job).toMatchObject({ state: 'running', pid, runs: 1 });
    expect((await getProbe(luca.port, '/healthz'))?.status).toBe(200);
  });

  it('says already running, with the same pid, when it runs and serves', async () => {
    const job = await printJob(env, luca.label);
    const run = await env.cli(['start', 'luca']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(`already running: ai.openclaw.luca pid ${job?.pid}\n`);
    expect((await printJob(env, luca.label))?.runs).toBe(1);
  });

  it('stops it: pid gone, port free, not loaded, and KeepAlive does not revive it', async () => {
    const pid = (await printJob(env, luca.label))!.pid!;
    const run = await env.cli(['stop', 'luca']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^stopped ai\\.openclaw\\.luca \\(was pid ${pid}\\) after \\d+\\.\\d s\\n$`),
    );
    expect(pidAlive(pid)).toBe(false);
    expect(await printJob(env, luca.label)).toBeNull();
    expect(await portFree(luca.port)).toBe(true);
    // Several scaled ThrottleIntervals (10 s x 0.05): a KeepAlive respawn would have happened by now.
    await sleep(1500);
    expect(await printJob(env, luca.label)).toBeNull();
    expect(await portFree(luca.port)).toBe(true);
  });

  it('says already stopped when the instance is not loaded', async () => {
    const run = await env.cli(['stop', 'luca']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('already stopped: ai.openclaw.luca is not loaded\n');
  });

  it('shows phase progress with elapsed time on a terminal only', async () => {
    const tty = await env.cli(['start', 'luca'], { tty: true });
    expect(tty.exitCode).toBe(0);
    expect(tty.stdout).toMatch(
      /^ +\d+\.\d s {2}loading ai\.openclaw\.luca \(launchctl enable \+ bootstrap\)$/m,
    );
    expect(tty.stdout).toMatch(
      /^ +\d+\.\d s {2}waiting for launchd to spawn the gateway$|port \d+ is open; waiting for \/healthz$/m,
    );
    expect(tty.stdout).toMatch(/^started ai\.openclaw\.luca: pid \d+/m);
    const stop = await env.cli(['stop', 'luca'], { tty: true });
    expect(stop.stdout).toMatch(/^ +\d+\.\d s {2}launchctl bootout ai\.openclaw\.luca/m);
    expect(stop.stdout).toMatch(/^stopped ai\.openclaw\.luca/m);
    const pipe = await env.cli(['start', 'luca']);
    expect(pipe.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    await env.cli(['stop', 'luca']);
  });

  it('waits for an instance launchd already runs but that does not serve yet', async () => {
    const slow = await installInstance(env, 'slow', luca.port + 120, { knobs: { startDelayMs: 3000 } });
    const job = await eventually(
      () => printJob(env, slow.label),
      (j) => j?.pid != null,
    );
    const run = await env.cli(['start', 'slow']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^already running: ai\\.openclaw\\.slow pid ${job!.pid}, serving after \\d+\\.\\d s\\n$`),
    );
    expect((await printJob(env, slow.label))?.runs).toBe(1);
    expect((await env.cli(['stop', 'slow'])).exitCode).toBe(0);
  });

  it('spawns a loaded instance that waits out its throttle now, instead of after it', async () => {
    const flaky = await installInstance(env, 'flaky', luca.port + 240, {
      knobs: { exitAfterMs: 50, exitCode: 1, startDelayMs: 5000 },
      // 600 s x 0.05 = 30 s between respawns: without a kickstart it would stay down for the test.
      editPlist: (plist) => void (plist.ThrottleInterval = 600),
    });
    const down = await eventually(
      () => printJob(env, flaky.label),
      (j) => j?.state === 'spawn scheduled',
    );
    expect(down).toMatchObject({ state: 'spawn scheduled', runs: 1, lastExit: { code: 1 } });
    setKnobs(flaky.stateDir, {});
    const run = await env.cli(['start', 'flaky'], { tty: true });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('ai.openclaw.flaky is loaded but spawn scheduled; launchctl kickstart');
    expect(run.stdout).toMatch(/^started ai\.openclaw\.flaky: pid \d+, serving after/m);
    expect(await printJob(env, flaky.label)).toMatchObject({ state: 'running', runs: 2 });
    expect((await env.cli(['stop', 'flaky'])).exitCode).toBe(0);
  });

  it("stops a gateway that ignores SIGTERM: launchd's SIGKILL after ExitTimeOut ends it", async () => {
    const stubborn = await installInstance(env, 'stubborn', luca.port + 360, {
      knobs: { ignoreSigterm: true },
    });
    await eventually(
      () => getProbe(stubborn.port, '/healthz'),
      (r) => r?.status === 200,
    );
    const pid = (await printJob(env, stubborn.label))!.pid!;
    const run = await env.cli(['stop', 'stubborn']);
    expect(run.exitCode, run.stderr).toBe(0);
    // ExitTimeOut 20 s x 0.05: about a second of SIGTERM being ignored before the SIGKILL.
    const after = Number(/after (\d+\.\d) s/.exec(run.stdout)?.[1]);
    expect(after).toBeGreaterThanOrEqual(0.9);
    expect(pidAlive(pid)).toBe(false);
    expect(await portFree(stubborn.port)).toBe(true);
    expect(await printJob(env, stubborn.label)).toBeNull();
  });

  it('refuses unknown instances and bad arguments with exit 2', async () => {
    for (const command of ['start', 'stop', 'restart', 'logs']) {
      const run = await env.cli([command, 'nobody']);
      expect(run.exitCode, command).toBe(2);
      expect(run.stderr).toContain(
        `openclaw-fleet ${command}: unknown instance 'nobody'; known: flaky, luca, slow, stubborn`,
      );
    }
    expect((await env.cli(['start'])).exitCode).toBe(2);
    expect((await env.cli(['stop', 'luca', 'critic'])).exitCode).toBe(2);
    const timeout = await env.cli(['start', 'luca', '--timeout', 'soon']);
    expect(timeout.exitCode).toBe(2);
    expect(timeout.stderr).toContain('--timeout soon is not a number of seconds');
    expect(await printJob(env, luca.label)).toBeNull();
  });
});
