import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFleetEnv, type CliRun, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { freePort, waitForReadyz } from '../helpers/stub-gateway.ts';
import { expectNoTokens, printJob, sleep } from './control-kit.ts';

let env: FleetEnv;
let luca: InstalledInstance;
let stopWatch: (() => void) | null = null;
let watching: Promise<CliRun> | null = null;

beforeAll(async () => {
  env = createFleetEnv();
  luca = await installInstance(env, 'luca', await freePort());
  await waitForReadyz(luca.port);
});
afterEach(async () => {
  stopWatch?.();
  await watching;
  stopWatch = null;
  watching = null;
});
afterAll(async () => {
  expectNoTokens(env);
  await env.cleanup();
});

/** Starts `watch <args>` in-process; Ctrl-C is `stopWatch()`. Returns what it prints from now on. */
function startWatch(args: string[]): () => string {
  const mark = env.transcript().length;
  const interrupted = new Promise<void>((resolve) => (stopWatch = resolve));
  watching = env.cli(['watch', '--interval', '0.5', ...args], { interrupted });
  return () => env.transcript().slice(mark);
}

async function waitForText(seen: () => string, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
  const out = await eventually(async () => seen(), matches, timeoutMs);
  if (!matches(out)) throw new Error(`no ${String(text)} within ${timeoutMs} ms in:\n${out}`);
  return out;
}

async function currentPid(): Promise<number> {
  const job = await printJob(env, luca.label);
  expect(job?.pid).toBeTypeOf('number');
  return job!.pid!;
}

/**
 * SIGKILLs the running gateway once it has outlived launchd's (scaled) ThrottleInterval: a younger
 * one is respawned only after a delay (`spawn scheduled`), which the monitor rightly calls a crash
 * loop, and the previous test's respawn may be that young.
 */
async function killGateway(): Promise<number> {
  await sleep(THROTTLE_MS);
  const pid = await currentPid();
  process.kill(pid, 'SIGKILL');
  return pid;
}

async function stop(): Promise<CliRun> {
  stopWatch!();
  const run = await watching!;
  watching = null;
  return run;
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The plist's ThrottleInterval (10 s) at the env's time scale (0.05), with a margin. */
const THROTTLE_MS = 600;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('watch', () => {
  it('--json prints one JSON object per event: exited, then recovered, for a kill -9', async () => {
    const seen = startWatch(['--json']);
    // Nothing is printed while all is well (the first check and the held connection are done by
    // the time killGateway has waited too).
    await sleep(400);
    expect(seen()).toBe('');
    const pid = await killGateway();
    const killedAt = Date.now();
    await waitForText(seen, '"type":"recovered"');
    const run = await stop();
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.type)).toEqual(['exited', 'recovered']);
    expect(lines[0]).toEqual({
      type: 'exited',
      instance: 'luca',
      at: expect.stringMatching(ISO),
      reason: expect.stringMatching(new RegExp(`^luca \\(pid ${pid}\\) was killed by signal 9`)),
      pid,
      snapshot: expect.objectContaining({ pid, lastExit: { code: null, signal: 9 } }),
    });
    expect(lines[1]).toEqual({
      type: 'recovered',
      instance: 'luca',
      at: expect.stringMatching(ISO),
      reason: expect.stringMatching(/^luca is healthy again/),
      pid: expect.any(Number),
    });
    expect(lines[1]!.pid).not.toBe(pid);
    console.info(
      `latency (watch, default settings): exited ${Date.parse(lines[0]!.at as string) - killedAt} ms after the kill; recovered ${Date.parse(lines[1]!.at as string) - killedAt} ms after it`,
    );
    expect(Date.parse(lines[1]!.at as string)).toBeGreaterThanOrEqual(Date.parse(lines[0]!.at as string));
  });

  it('--all adds a state line for every health change, starting with where each instance is', async () => {
    const seen = startWatch(['--json', '--all']);
    await waitForText(seen, '"to":"healthy"');
    const pid = await killGateway();
    await waitForText(seen, '"type":"recovered"');
    const run = await stop();
    expect(run.exitCode).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toEqual({
      type: 'state',
      instance: 'luca',
      at: expect.stringMatching(ISO),
      from: null,
      to: 'healthy',
      reason: null,
      pid,
    });
    const events = lines.filter((l) => l.type !== 'state').map((l) => l.type);
    expect(events).toEqual(['exited', 'recovered']);
    // Whatever it went through in between, it is back where it started.
    const states = lines.filter((l) => l.type === 'state');
    expect(states.length).toBeGreaterThanOrEqual(1);
    expect(states.at(-1)).toMatchObject({ to: 'healthy' });
    for (const s of states.slice(1)) expect(s).toEqual(expect.objectContaining({ from: expect.any(String) }));
  });

  it('prints one line per event for people, the notifications with --notify, and stops cleanly', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const timersBefore = timers();
    const seen = startWatch(['--notify']);
    await waitForText(seen, 'watching 1 instance(s); Ctrl-C to stop\n');
    const pid = await killGateway();
    await waitForText(seen, / recovered {3}luca: /);
    const run = await stop();
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^\\S+Z  exited      luca: luca \\(pid ${pid}\\) was killed by signal 9`),
      ),
      expect.stringMatching(/^\S+Z {2}recovered {3}luca: luca is healthy again/),
    ]);
    expect(run.stderr).toMatch(/^notify \(new\): luca exited: luca \(pid \d+\) was killed by signal 9/m);
    expect(run.stderr).toMatch(/^notify \(update luca@\d+\): luca recovered: /m);

    // Stopped means stopped: no timer keeps the process alive (sampled over a few would-be check
    // intervals, each right after our own sleep's timer fired), and nothing is watched any more.
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      await sleep(100);
      samples.push(timers());
    }
    expect(Math.max(...samples)).toBeLessThanOrEqual(timersBefore);
    const after = env.transcript().length;
    await killGateway();
    await sleep(1000);
    expect(env.transcript().slice(after)).toBe('');
  });
});
