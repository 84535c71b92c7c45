import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDir } from '../../src-main/fleet/fleet-dirs.ts';
import { isAlive } from '../../src-main/platform/state-dir-owner.ts';
import { allTokens, isLoaded, runtimeFlags, spacedPort } from '../helpers/add-remove-kit.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually, installInstance } from '../helpers/fleet-fixture.ts';
import { getProbe } from '../helpers/stub-gateway.ts';

let env: FleetEnv;
const taken: number[] = [];

beforeAll(() => {
  env = createFleetEnv();
});
afterAll(async () => {
  const transcript = env.transcript();
  for (const token of allTokens(env)) expect(transcript).not.toContain(token);
  await env.cleanup();
});

async function port(): Promise<number> {
  const p = await spacedPort(taken);
  taken.push(p);
  return p;
}

type StatusJson = { instances: Array<{ name: string; health: string; launchd: { pid: number | null } }> };

async function status(name: string): Promise<StatusJson['instances'][number] | undefined> {
  const run = await env.cli(['status', '--json', name]);
  return run.exitCode === 2 ? undefined : (JSON.parse(run.stdout) as StatusJson).instances[0];
}

async function add(name: string, p: number, ...extra: string[]): Promise<number> {
  const run = await env.cli(['add', name, '--port', String(p), ...extra, ...runtimeFlags(env)]);
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return Number(/pid (\d+)/.exec(run.stdout)?.[1] ?? 0);
}

const stamped = (prefix: string, suffix = '') =>
  new RegExp(`^${prefix}\\.\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z${suffix}$`);

describe('remove', () => {
  it('unloads, moves the plist into the backups and keeps the state dir', async () => {
    const pid = await add('luca', await port());
    const stateDir = join(env.root, '.openclaw-luca');
    const run = await env.cli(['remove', 'luca']);
    expect(run.exitCode).toBe(0);
    const plists = backupDir(env.root, 'plists');
    const [moved] = readdirSync(plists).filter((f) => f.startsWith('ai.openclaw.luca.'));
    expect(moved).toMatch(stamped('ai\\.openclaw\\.luca', '\\.plist'));
    expect(run.stdout).toBe(
      'removed luca: unloaded ai.openclaw.luca\n' +
        `  plist moved to ${join(plists, moved!)}\n` +
        `  state dir kept at ${stateDir}; openclaw-fleet remove luca --purge-state moves it aside (needed to add luca again)\n`,
    );
    expect(readdirSync(env.agentsDir).filter((f) => f.includes('luca'))).toEqual([]);
    expect(await isLoaded(env, 'ai.openclaw.luca')).toBe(false);
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(stateDir, 'openclaw.json'))).toBe(true);
    expect(existsSync(join(stateDir, 'logs', 'gateway.log'))).toBe(true);

    // The kept state dir still holds the name: add refuses and says how to free it.
    const again = await env.cli(['add', 'luca', ...runtimeFlags(env)]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain(
      `instance luca already exists (state dir ${stateDir}); move it aside with openclaw-fleet remove luca --purge-state`,
    );

    // remove again, with --purge-state: not loaded is fine, the state dir goes into the backups.
    const purge = await env.cli(['remove', 'luca', '--purge-state']);
    expect(purge.exitCode).toBe(0);
    const [state] = readdirSync(backupDir(env.root, 'state')).filter((f) => f.startsWith('openclaw-luca.'));
    expect(state).toMatch(stamped('openclaw-luca'));
    expect(purge.stdout).toBe(
      'removed luca: ai.openclaw.luca was not loaded\n' +
        '  no plist to move\n' +
        `  state dir moved to ${join(backupDir(env.root, 'state'), state!)}\n`,
    );
    expect(existsSync(stateDir)).toBe(false);
    expect(existsSync(join(backupDir(env.root, 'state'), state!, 'openclaw.json'))).toBe(true);
    expect(await status('luca')).toBeUndefined();
  });

  it('--purge-state on a running instance moves the plist and the state dir aside', async () => {
    await add('critic', await port());
    const run = await env.cli(['remove', 'critic', '--purge-state']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /^removed critic: unloaded ai\.openclaw\.critic\n {2}plist moved to .*\/ai\.openclaw\.critic\.[\dTZ-]+\.plist\n {2}state dir moved to .*\/\.fleet\/backups\/state\/openclaw-critic\.[\dTZ-]+\n$/,
    );
    expect(existsSync(join(env.root, '.openclaw-critic'))).toBe(false);
    expect(await isLoaded(env, 'ai.openclaw.critic')).toBe(false);
  });

  it('refuses an unknown instance with exit 2 and the known names', async () => {
    await env.cli(['add', 'known', '--port', String(await port()), '--no-start', ...runtimeFlags(env)]);
    const run = await env.cli(['remove', 'nobody']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^openclaw-fleet remove: unknown instance 'nobody'; known: known\n/);
    const invalid = await env.cli(['remove', '../etc']);
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toContain("unknown instance '../etc'");
  });

  it('moves nothing when the unload fails (exit 1)', async () => {
    await add('steady', await port());
    const run = await env.cli(['remove', 'steady'], { env: { LAUNCHD_SIM_NO_GUI: '1' } });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^openclaw-fleet remove: could not unload ai\.openclaw\.steady \(.*\); nothing was moved\n$/,
    );
    expect(existsSync(join(env.agentsDir, 'ai.openclaw.steady.plist'))).toBe(true);
    expect((await status('steady'))?.health).toBe('healthy');
  });

  it('lets the same name be added again right away, through the drain of a gateway slow to exit', async () => {
    // The old gateway ignores SIGTERM, so launchd keeps the label (state SIGTERMed, bootstrap answers
    // 5) until it SIGKILLs it after ExitTimeOut (20 s, scaled to 1 s here).
    const p = await port();
    const old = await installInstance(env, 'phoenix', p, { knobs: { ignoreSigterm: true } });
    const first = await eventually(
      () => status('phoenix'),
      (s) => s?.health === 'healthy',
    );
    const oldPid = first!.launchd.pid!;

    const started = Date.now();
    const removed = await env.cli(['remove', 'phoenix', '--purge-state']);
    const drainMs = Date.now() - started;
    expect(removed.exitCode).toBe(0);
    expect(drainMs).toBeGreaterThan(800);
    expect(isAlive(oldPid)).toBe(false);

    const pid = await add('phoenix', p);
    expect(pid).not.toBe(oldPid);
    expect((await status('phoenix'))?.health).toBe('healthy');
    expect((await getProbe(p, '/healthz'))?.status).toBe(200);
    expect(existsSync(old.plistPath)).toBe(true);
  });

  it('waits out a bootout another tool started before adding the name again', async () => {
    // `openclaw gateway uninstall` boots the job out and moves the plist away without waiting; the
    // label stays in launchd, draining, while the old gateway ignores SIGTERM.
    const p = await port();
    const old = await installInstance(env, 'lazarus', p, { knobs: { ignoreSigterm: true } });
    await eventually(
      () => status('lazarus'),
      (s) => s?.health === 'healthy',
    );
    const bootout = await env.sim.run(['bootout', `${env.sim.domain}/${old.label}`]);
    expect(bootout.exitCode).toBe(0);
    renameSync(old.plistPath, join(env.base, 'trashed.plist'));
    renameSync(old.stateDir, join(env.base, 'trashed-state'));
    const raw = await env.sim.run(['bootstrap', env.sim.domain, join(env.base, 'trashed.plist')]);
    expect(raw.exitCode).toBe(5);

    const run = await env.cli(['add', 'lazarus', '--port', String(p), ...runtimeFlags(env)], { tty: true });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /^ {2}waiting for launchd to finish unloading the previous job of this name \(\d+\.\d s\)\nadding lazarus: /,
    );
    expect((await status('lazarus'))?.health).toBe('healthy');
  });

  it('lets one of two concurrent adds of a name win; the other says busy or exists', async () => {
    const p = await port();
    const runs = await Promise.all(
      [0, 1].map(() => env.cli(['add', 'twin', '--port', String(p), ...runtimeFlags(env)])),
    );
    const winners = runs.filter((r) => r.exitCode === 0);
    const losers = runs.filter((r) => r.exitCode !== 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = losers[0]!;
    if (loser.exitCode === 1) {
      expect(loser.stderr).toMatch(
        /^openclaw-fleet add: twin is busy: pid \d+ is running 'add' on it since .*; try again when it is done\n$/,
      );
    } else {
      expect(loser.exitCode).toBe(2);
      expect(loser.stderr).toContain('instance twin already exists');
    }
    expect((await status('twin'))?.health).toBe('healthy');
  });
});
