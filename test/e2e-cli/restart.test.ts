import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchAgentPlist } from '../../src-main/core/plist-contract.ts';
import { writePlistFile } from '../../src-main/platform/plist-file.ts';
import { readPlistFile } from '../../src-main/platform/plist-file.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { freePort, getProbe } from '../helpers/stub-gateway.ts';
import { expectNoTokens, pidAlive, pidIn, printJob } from './control-kit.ts';

let env: FleetEnv;
let luca: InstalledInstance;
let critic: InstalledInstance;

beforeAll(async () => {
  env = createFleetEnv();
  const base = await freePort();
  luca = await installInstance(env, 'luca', base);
  critic = await installInstance(env, 'critic', base + 120, { load: false });
  await eventually(
    () => getProbe(luca.port, '/healthz'),
    (r) => r?.status === 200,
  );
});
afterAll(async () => {
  expectNoTokens(env);
  await env.cleanup();
});

describe('restart against the simulator and stub gateways', () => {
  it('replaces the process with kickstart -k: new pid, serving, runs incremented', async () => {
    const before = (await printJob(env, luca.label))!;
    expect(before.pid).not.toBeNull();
    const run = await env.cli(['restart', 'luca']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^restarted ai\\.openclaw\\.luca: pid ${before.pid} -> (\\d+), serving after \\d+\\.\\d s\\n$`,
      ),
    );
    const pid = pidIn(run.stdout, /-> (\d+)/);
    expect(pid).not.toBe(before.pid);
    expect(pidAlive(before.pid!)).toBe(false);
    const after = (await printJob(env, luca.label))!;
    expect(after).toMatchObject({ state: 'running', pid, runs: (before.runs ?? 0) + 1 });
    expect((await getProbe(luca.port, '/healthz'))?.status).toBe(200);
  });

  it('loads an instance that is not loaded', async () => {
    expect(await printJob(env, critic.label)).toBeNull();
    const run = await env.cli(['restart', 'critic']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^restarted ai\.openclaw\.critic: not running -> pid \d+, serving after \d+\.\d s\n/,
    );
    expect(run.stdout).toContain('ai.openclaw.critic was not loaded, so it was loaded');
    const pid = pidIn(run.stdout, /-> pid (\d+)/);
    expect(await printJob(env, critic.label)).toMatchObject({ state: 'running', pid, runs: 1 });
  });

  it('unloads and loads a job whose plist changed since launchd loaded it, and the change applies', async () => {
    const before = (await printJob(env, luca.label))!;
    expect(before.environment.FLEET_TEST_MARK).toBeUndefined();
    const read = await readPlistFile(luca.plistPath);
    if (!read.ok) throw new Error(read.message);
    const plist: LaunchAgentPlist = read.plist;
    (plist.EnvironmentVariables as Record<string, string>).FLEET_TEST_MARK = 'edited';
    await writePlistFile(luca.plistPath, plist);

    const run = await env.cli(['restart', 'luca']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^restarted ai\\.openclaw\\.luca: pid ${before.pid} -> \\d+, serving after`),
    );
    expect(run.stdout).toContain(
      'the plist changed since launchd loaded it, so ai.openclaw.luca was unloaded and loaded again to apply it',
    );
    const after = (await printJob(env, luca.label))!;
    expect(after.environment.FLEET_TEST_MARK).toBe('edited');
    // A fresh job: launchd's counters start again.
    expect(after.runs).toBe(1);
    expect(after.pid).toBe(pidIn(run.stdout, /-> (\d+)/));

    // Now the loaded copy matches: the next restart is a plain kickstart again.
    const again = await env.cli(['restart', 'luca']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).not.toContain('plist changed');
    expect((await printJob(env, luca.label))!.runs).toBe(2);
  });

  it('refuses, with exit 2 and nothing changed, a plist edited into breaking the contract', async () => {
    const before = (await printJob(env, luca.label))!;
    const read = await readPlistFile(luca.plistPath);
    if (!read.ok) throw new Error(read.message);
    const good = structuredClone(read.plist);
    const env2 = read.plist.EnvironmentVariables as Record<string, string>;
    await writePlistFile(luca.plistPath, {
      ...read.plist,
      EnvironmentVariables: { ...env2, OPENCLAW_STATE_DIR: `${env2.OPENCLAW_STATE_DIR}-elsewhere` },
    });
    const run = await env.cli(['restart', 'luca']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('breaks the LaunchAgent contract');
    expect(run.stderr).toContain('plist-state-dir-mismatch');
    expect(await printJob(env, luca.label)).toMatchObject({ pid: before.pid, runs: before.runs });
    await writePlistFile(luca.plistPath, good);
  });

  it('lets only one of two concurrent restarts of one instance run; the other is told it is busy', async () => {
    const before = (await printJob(env, luca.label))!;
    const [a, b] = await Promise.all([env.cli(['restart', 'luca']), env.cli(['restart', 'luca'])]);
    const busy = [a, b].filter((r) => r.exitCode === 1);
    const done = [a, b].filter((r) => r.exitCode === 0);
    expect(done).toHaveLength(1);
    expect(busy).toHaveLength(1);
    expect(busy[0]!.stderr).toMatch(
      /^openclaw-fleet restart: luca is busy: pid \d+ is running 'restart' on it since .+; try again when it is done\n$/,
    );
    expect((await printJob(env, luca.label))!.runs).toBe((before.runs ?? 0) + 1);
  });

  it('does not block a different instance while one is busy', async () => {
    const [a, b] = await Promise.all([env.cli(['restart', 'luca']), env.cli(['restart', 'critic'])]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
  });
});
