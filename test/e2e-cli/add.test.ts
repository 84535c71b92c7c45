import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintInstancePlist } from '../../src-main/core/plist-lint.ts';
import { backupDir } from '../../src-main/fleet/fleet-dirs.ts';
import { inspectPath } from '../../src-main/platform/path-inspector.ts';
import { readPlistFile } from '../../src-main/platform/plist-file.ts';
import {
  allTokens,
  fakeOpenclawPrefix,
  filesContaining,
  FIXTURE_ENTRIES,
  isLoaded,
  runtimeFlags,
  spacedPort,
} from '../helpers/add-remove-kit.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually } from '../helpers/fleet-fixture.ts';
import { commandLineAndEnvironmentOf } from '../helpers/process-facts.ts';

// Lines the fixture entries print (texts of test/stub-gateway/lib/messages.mjs).
const CONTENTION =
  'Gateway failed to start: Doctor could not enter maintenance. StateDatabaseCoordinatorContentionError';
const STARTING_HTTP_SERVER = '[gateway] starting HTTP server...';

const envs: FleetEnv[] = [];
let env: FleetEnv;
const taken: number[] = [];

function fleetEnv(): FleetEnv {
  const created = createFleetEnv();
  envs.push(created);
  return created;
}

beforeAll(() => {
  env = fleetEnv();
});
afterAll(async () => {
  for (const e of envs) {
    const transcript = e.transcript();
    for (const token of allTokens(e)) expect(transcript).not.toContain(token);
    await e.cleanup();
  }
});

async function port(): Promise<number> {
  const p = await spacedPort(taken);
  taken.push(p);
  return p;
}

type StatusJson = { instances: Array<{ name: string; health: string; launchd: { pid: number | null } }> };

async function health(e: FleetEnv, name: string): Promise<string | undefined> {
  const run = await e.cli(['status', '--json', name]);
  return (JSON.parse(run.stdout) as StatusJson).instances[0]?.health;
}

const mode = (path: string) => statSync(path).mode & 0o777;

/** Nothing of `name` exists: no plist, no state dir, not loaded. */
async function expectNothingOf(e: FleetEnv, name: string): Promise<void> {
  expect(existsSync(join(e.agentsDir, `ai.openclaw.${name}.plist`))).toBe(false);
  expect(existsSync(join(e.root, `.openclaw-${name}`))).toBe(false);
  expect(await isLoaded(e, `ai.openclaw.${name}`)).toBe(false);
}

describe('add', () => {
  it('creates a healthy instance: private state dir, token only in openclaw.json, a plist that lints clean', async () => {
    const p = await port();
    const run = await env.cli(['add', 'luca', '--port', String(p), ...runtimeFlags(env)]);
    const stateDir = join(env.root, '.openclaw-luca');
    const configPath = join(stateDir, 'openclaw.json');
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^added luca: ai\\.openclaw\\.luca on port ${p}, pid (\\d+), serving after \\d+\\.\\d s\\ntoken stored in ${configPath} \\(mode 0600\\)\\n$`,
      ),
    );
    const pid = Number(/pid (\d+)/.exec(run.stdout)![1]);
    expect(await health(env, 'luca')).toBe('healthy');

    const plistPath = join(env.agentsDir, 'ai.openclaw.luca.plist');
    expect(mode(stateDir)).toBe(0o700);
    expect(mode(join(stateDir, 'workspace'))).toBe(0o700);
    expect(mode(join(stateDir, 'logs'))).toBe(0o700);
    expect(mode(configPath)).toBe(0o600);
    expect(mode(plistPath)).toBe(0o644);

    const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
      gateway: { mode: string; bind: string; port: number; auth: { mode: string; token: string } };
    };
    expect(config.gateway).toMatchObject({
      mode: 'local',
      bind: 'loopback',
      port: p,
      auth: { mode: 'token' },
    });
    const token = config.gateway.auth.token;
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    const plist = await readPlistFile(plistPath);
    if (!plist.ok) throw new Error(plist.message);
    expect(plist.plist.ProgramArguments).toEqual([env.node, env.entry, 'gateway', '--port', String(p)]);
    expect(
      lintInstancePlist(plist.plist, {
        plistPath,
        expectedStateDir: stateDir,
        knownTokens: [token],
        inspect: inspectPath,
      }),
    ).toEqual([]);
    const audit = await env.cli(['audit', '--json']);
    expect(JSON.parse(audit.stdout)).toEqual({ ok: true, findings: [] });

    // The token is in openclaw.json and nowhere else: not the plist, not the gateway's argv or
    // environment, not launchd's job record, not any output.
    for (const dir of [env.root, env.agentsDir, env.home, env.sim.dir]) {
      expect(filesContaining(dir, token).filter((f) => f !== configPath)).toEqual([]);
    }
    const argvAndEnv = commandLineAndEnvironmentOf(pid);
    // Proof the environment was really read (macOS reads it through ps, not /proc).
    expect(argvAndEnv).toContain(`OPENCLAW_STATE_DIR=${stateDir}`);
    expect(argvAndEnv).not.toContain(token);
    expect(env.transcript()).not.toContain(token);
  });

  it('refuses bad input with exit 2 before anything is created or loaded', async () => {
    const luca = taken[0]!;
    const held = await port();
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(held, '127.0.0.1', resolve));
    try {
      const cases: { args: string[]; name: string; message: RegExp }[] = [
        { name: 'Bad_Name', args: [], message: /invalid instance name "Bad_Name": use 1-32 characters/ },
        { name: 'gateway', args: [], message: /ai\.openclaw\.gateway is used by OpenClaw itself/ },
        {
          name: 'luca',
          args: ['--port', String(luca + 240)],
          message:
            /instance luca already exists \(plist .*, state dir .*, ai\.openclaw\.luca loaded in launchd\)/,
        },
        {
          name: 'far',
          args: ['--port', '80'],
          message: /--port 80 is not a whole number from 1024 to 65535/,
        },
        {
          name: 'far',
          args: ['--port', '70000'],
          message: /--port 70000 is not a whole number from 1024 to 65535/,
        },
        {
          name: 'twin',
          args: ['--port', String(luca)],
          message: new RegExp(
            `port ${luca} is already used by instance luca; use --port \\d+ or leave --port out`,
          ),
        },
        {
          name: 'near',
          args: ['--port', String(luca + 119)],
          message: new RegExp(
            `port ${luca + 119} is too close to instance luca on port ${luca}: base ports must be at least 120 apart`,
          ),
        },
        {
          name: 'taken',
          args: ['--port', String(held)],
          message: new RegExp(`port ${held} is already listened on by pid ${process.pid} \\(`),
        },
        {
          name: 'slow',
          args: ['--port', String(held + 240), '--timeout', '0'],
          message: /--timeout 0 is not a number of seconds/,
        },
      ];
      for (const c of cases) {
        const run = await env.cli(['add', c.name, ...c.args, ...runtimeFlags(env)]);
        expect({ name: c.name, exitCode: run.exitCode }).toEqual({ name: c.name, exitCode: 2 });
        expect(run.stderr).toMatch(c.message);
        expect(run.stdout).toBe('');
        if (c.name !== 'luca' && c.name !== 'Bad_Name') await expectNothingOf(env, c.name);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await health(env, 'luca')).toBe('healthy');
  });

  it('rolls everything back when the gateway exits at start, and shows why (exit 1)', async () => {
    const p = await port();
    const entry = join(FIXTURE_ENTRIES, 'exit-78-at-start.mjs');
    const run = await env.cli(['add', 'crashy', '--port', String(p), ...runtimeFlags(env, entry)]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    const stderr = run.stderr;
    expect(stderr).toMatch(
      /^openclaw-fleet add: could not add crashy: the gateway exited during start \(exit 78\)\n/,
    );
    expect(stderr).toContain(CONTENTION);
    const backups = backupDir(env.root, 'state');
    const [moved] = readdirSync(backups).filter((d) => d.startsWith('openclaw-crashy.'));
    expect(moved).toBeDefined();
    const movedDir = join(backups, moved!);
    expect(stderr).toContain(`last lines of ${join(movedDir, 'logs', 'gateway.log')}:\n`);
    expect(stderr).toContain(
      `rolled back: unloaded ai.openclaw.crashy; removed ${join(env.agentsDir, 'ai.openclaw.crashy.plist')}; moved the state dir to ${movedDir}\n`,
    );
    await expectNothingOf(env, 'crashy');
    expect(readFileSync(join(movedDir, 'logs', 'gateway.log'), 'utf8')).toContain(CONTENTION);
    expect(mode(movedDir)).toBe(0o700);
    expect(readdirSync(env.agentsDir).filter((f) => f.includes('crashy'))).toEqual([]);
  });

  it('gives up after --timeout with the phase it was stuck in, and rolls back', async () => {
    const p = await port();
    const entry = join(FIXTURE_ENTRIES, 'never-listens.mjs');
    const run = await env.cli([
      'add',
      'stuck',
      '--port',
      String(p),
      '--timeout',
      '1',
      ...runtimeFlags(env, entry),
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^openclaw-fleet add: could not add stuck: not serving after 1 s \\(the process never listened on port ${p}\\)\\n`,
      ),
    );
    expect(run.stderr).toContain(STARTING_HTTP_SERVER);
    expect(run.stderr).toMatch(
      /rolled back: unloaded ai\.openclaw\.stuck; removed .*; moved the state dir to /,
    );
    await expectNothingOf(env, 'stuck');
  });

  it('--no-start writes everything and loads nothing', async () => {
    const p = await port();
    const run = await env.cli(['add', 'later', '--port', String(p), '--no-start', ...runtimeFlags(env)]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `added later: ai.openclaw.later on port ${p}, not started (--no-start): it starts at the next login, or now with openclaw-fleet start later\n` +
        `token stored in ${join(env.root, '.openclaw-later', 'openclaw.json')} (mode 0600)\n`,
    );
    expect(existsSync(join(env.agentsDir, 'ai.openclaw.later.plist'))).toBe(true);
    expect(await isLoaded(env, 'ai.openclaw.later')).toBe(false);
    expect(await health(env, 'later')).toBe('stopped');
  });

  it('gives two adds without --port base ports 120 apart on the grid', async () => {
    const fresh = fleetEnv();
    const ports: number[] = [];
    for (const name of ['one', 'two']) {
      const run = await fresh.cli(['add', name, '--no-start', ...runtimeFlags(fresh)]);
      expect(run.exitCode).toBe(0);
      ports.push(Number(/on port (\d+)/.exec(run.stdout)![1]));
    }
    expect((ports[0]! - 18789) % 120).toBe(0);
    expect(ports[1]! - ports[0]!).toBe(120);
  });

  it('detects openclaw and its node from PATH, and shows progress on a terminal', async () => {
    const fresh = fleetEnv();
    const fake = fakeOpenclawPrefix(fresh.base, fresh.node);
    const p = await port();
    const run = await fresh.cli(['add', 'found', '--port', String(p)], {
      env: { PATH: `${fake.bin}:/usr/bin:/bin` },
      tty: true,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `adding found: ai.openclaw.found on port ${p}, state dir ${join(fresh.root, '.openclaw-found')}`,
    );
    expect(lines[1]).toBe('  loading into launchd (0.0 s)');
    expect(
      lines
        .slice(2, -2)
        .every((l) => /^ {2}(spawning|waiting for port \d+|waiting for \/healthz) \(\d+\.\d s\)$/.test(l)),
    ).toBe(true);
    expect(lines.at(-2)).toMatch(/^added found: ai\.openclaw\.found on port \d+, pid \d+, serving after/);
    const plist = await readPlistFile(join(fresh.agentsDir, 'ai.openclaw.found.plist'));
    expect(plist.ok && plist.plist.ProgramArguments).toEqual([
      join(fake.bin, 'node'),
      fake.entry,
      'gateway',
      '--port',
      String(p),
    ]);
    expect(
      await eventually(
        () => health(fresh, 'found'),
        (h) => h === 'healthy',
      ),
    ).toBe('healthy');
  });

  it('refuses to start when launchd cannot be read (no GUI session), creating nothing (exit 1)', async () => {
    const run = await env.cli(['add', 'ssh', '--port', String(await port()), ...runtimeFlags(env)], {
      env: { LAUNCHD_SIM_NO_GUI: '1' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^openclaw-fleet add: cannot read launchd's view \(.*\); nothing was created\n$/,
    );
    await expectNothingOf(env, 'ssh');
  });

  it('names --node and --entry when openclaw cannot be found (exit 2, nothing created)', async () => {
    const run = await env.cli(['add', 'lost'], { env: { PATH: '/usr/bin:/bin' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /^openclaw-fleet add: cannot find the OpenClaw gateway: no `openclaw` package on PATH or in the global npm root; install it with `npm install -g openclaw`.*--entry .*--node /,
    );
    await expectNothingOf(env, 'lost');
  });
});
