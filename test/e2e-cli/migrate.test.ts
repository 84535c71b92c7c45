// `migrate` end to end: a legacy layout built by hand (state in the root, ai.openclaw.gateway serving
// from it through the simulator), then the dry run, the migration, a failed one and its restore.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockInstance } from '../../src-main/fleet/instance-lock.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually } from '../helpers/fleet-fixture.ts';
import { buildLegacyLayout, LEGACY_LABEL, type LegacyLayout } from '../helpers/legacy-layout.ts';
import { freePort, getProbe } from '../helpers/stub-gateway.ts';
import { fingerprint, fingerprintEntries } from '../helpers/tree-fingerprint.ts';

const STATE_ENTRIES = [
  '.env',
  'agents',
  'credentials',
  'logs',
  'openclaw.json',
  'openclaw.json.bak',
  'service-env',
  'state',
  'tmp',
  'workspace',
];
const USER_FILES = ['docs', 'openclaw-fleet.sh'];

const envs: FleetEnv[] = [];
const legacyTokens: string[] = [];

afterAll(async () => {
  for (const env of envs) {
    const transcript = env.transcript();
    for (const token of [...env.tokens(), ...legacyTokens]) expect(transcript).not.toContain(token);
    await env.cleanup();
  }
});

async function legacyEnv(form: 'env-wrapper' | 'contract'): Promise<{ env: FleetEnv; legacy: LegacyLayout }> {
  const env = createFleetEnv();
  envs.push(env);
  const legacy = await buildLegacyLayout(env, await freePort(), form);
  legacyTokens.push(legacy.token);
  return { env, legacy };
}

function printJob(env: FleetEnv, label: string) {
  return env.sim.run(['print', `${env.sim.domain}/${label}`]);
}

function without(map: Map<string, string>, keys: readonly string[]): Map<string, string> {
  return new Map([...map].filter(([k]) => !keys.includes(k)));
}

function backupRootOf(env: FleetEnv): string {
  const dir = join(env.root, '.fleet', 'backups', 'migrate');
  const runs = readdirSync(dir);
  expect(runs).toHaveLength(1);
  return join(dir, runs[0]!);
}

describe('migrate: an env-wrapper ai.openclaw.gateway serving from the root', () => {
  let env: FleetEnv;
  let legacy: LegacyLayout;
  beforeAll(async () => {
    ({ env, legacy } = await legacyEnv('env-wrapper'));
  });

  it('--dry-run prints every move, file and launchctl call, and changes nothing', async () => {
    const before = [fingerprint(env.root, { mtimes: true }), fingerprint(env.agentsDir, { mtimes: true })];
    const run = await env.cli(['migrate', '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const main = join(env.root, '.openclaw-main');
    const out = run.stdout;
    expect(out).toContain(`job        ${LEGACY_LABEL} (${legacy.plistPath}, env-wrapper form; loaded, pid `);
    expect(out).toContain(`  state      ${STATE_ENTRIES.join(', ')}\n`);
    expect(out).toContain(`  stays      ${USER_FILES.join(', ')} (not gateway state)\n`);
    expect(out).toContain(`  port       ${legacy.port} (--port in the ${LEGACY_LABEL} plist)\n`);
    expect(out).toContain(`  node       ${env.node} (from ${legacy.plistPath})\n`);
    expect(out).toContain(`  entry      ${legacy.entry}\n`);
    expect(out).toContain('  token      kept from openclaw.json\n');
    expect(out).toContain(`launchctl bootout ${env.sim.domain}/${LEGACY_LABEL}, then wait`);
    for (const entry of STATE_ENTRIES) {
      expect(out).toContain(`move ${join(env.root, entry)} to ${join(main, entry)}\n`);
      expect(out).toMatch(
        new RegExp(`copy ${escape(join(env.root, entry))} to \\S+/root/${escape(entry)}\\n`),
      );
    }
    expect(out).toContain(`create ${main} (mode 0700)`);
    expect(out).toContain(
      `rewrite ${join(main, 'openclaw.json')} (mode 0600) as JSON: gateway.bind = "loopback" (was unset)\n`,
    );
    expect(out).toContain(`write ${join(env.agentsDir, 'ai.openclaw.main.plist')} (mode 0644)`);
    expect(out).toContain(`remove ${legacy.plistPath} from the LaunchAgents dir`);
    expect(out).toContain(
      `launchctl enable ${env.sim.domain}/ai.openclaw.main; launchctl bootstrap ${env.sim.domain} ${join(env.agentsDir, 'ai.openclaw.main.plist')}`,
    );
    expect(out).toContain(`wait until ai.openclaw.main serves on port ${legacy.port}`);
    expect(out).toContain('left out of the legacy arguments: --max-old-space-size=4096');
    expect(out).toMatch(/dry run: nothing was changed/);
    expect([fingerprint(env.root, { mtimes: true }), fingerprint(env.agentsDir, { mtimes: true })]).toEqual(
      before,
    );
    expect((await printJob(env, LEGACY_LABEL)).exitCode).toBe(0);
  });

  it('moves the state byte for byte, replaces the job and leaves a healthy instance', async () => {
    const stateBefore = fingerprintEntries(env.root, STATE_ENTRIES);
    const plistBytes = readFileSync(legacy.plistPath);
    const run = await env.cli(['migrate']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const main = join(env.root, '.openclaw-main');
    expect(run.stdout).toMatch(
      new RegExp(
        `migrated: ${LEGACY_LABEL} is now instance main \\(ai.openclaw.main\\), serving on port ${legacy.port} \\(pid \\d+\\)`,
      ),
    );

    // Every file arrives byte-identical with its mode; only openclaw.json was patched, and the gateway's
    // own lock went with the old process (it removes it on exit) and came back with the new one.
    const ignored = ['openclaw.json', legacy.lockRel];
    const arrived = fingerprintEntries(main, STATE_ENTRIES);
    for (const [path, value] of without(stateBefore, ignored))
      expect([path, arrived.get(path)]).toEqual([path, value]);
    for (const entry of STATE_ENTRIES) expect(existsSync(join(env.root, entry))).toBe(false);
    for (const file of USER_FILES) expect(existsSync(join(env.root, file))).toBe(true);
    expect(statSync(main).mode & 0o777).toBe(0o700);

    const backup = backupRootOf(env);
    expect(readFileSync(join(backup, 'root', 'openclaw.json'), 'utf8')).toBe(legacy.configText);
    expect(without(fingerprintEntries(join(backup, 'root'), STATE_ENTRIES), ignored)).toEqual(
      without(stateBefore, ignored),
    );
    expect(readFileSync(join(backup, 'LaunchAgents', `${LEGACY_LABEL}.plist`))).toEqual(plistBytes);
    expect(readFileSync(join(backup, 'migration.json'), 'utf8')).not.toContain(legacy.token);

    const configPath = join(main, 'openclaw.json');
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    expect(config).toEqual({
      gateway: {
        mode: 'local',
        bind: 'loopback',
        port: legacy.port,
        auth: { mode: 'token', token: legacy.token },
      },
      agents: { defaults: { model: 'anthropic/claude' } },
    });

    expect(readdirSync(env.agentsDir)).toEqual(['ai.openclaw.main.plist']);
    expect((await printJob(env, LEGACY_LABEL)).exitCode).toBe(113);
    const status = await eventually(
      () => env.cli(['status', '--json', 'main']),
      (r) => JSON.parse(r.stdout).instances[0]?.health === 'healthy',
    );
    expect(JSON.parse(status.stdout).instances[0]).toMatchObject({
      name: 'main',
      health: 'healthy',
      stateDir: main,
      port: { number: legacy.port, listening: true },
    });

    const audit = await env.cli(['audit', '--json']);
    const codes = (JSON.parse(audit.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes).not.toContain('root-live-state');
    expect(codes).not.toContain('legacy-gateway-job');
    expect(audit.exitCode).toBe(0);
  });

  it('says there is nothing left to migrate afterwards, exit 0', async () => {
    const run = await env.cli(['migrate']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `nothing to migrate: ${env.root} holds no gateway state and no ${LEGACY_LABEL} job uses it\n`,
    );
  });
});

describe('migrate: a contract-form ai.openclaw.gateway that cannot be migrated', () => {
  let env: FleetEnv;
  let legacy: LegacyLayout;
  beforeAll(async () => {
    ({ env, legacy } = await legacyEnv('contract'));
  });

  it('stops before changing anything while another operation holds the legacy job', async () => {
    const before = fingerprint(env.root, { mtimes: true });
    const lock = await lockInstance(env.root, 'gateway', 'test');
    const run = await env.cli(['migrate']).finally(() => lock.release());
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^openclaw-fleet migrate: migration failed at step 1 \(take the operation locks .*\): gateway is busy: pid \d+ is running 'test' on it since .*\nnothing had been changed\n$/,
    );
    expect(without(fingerprint(env.root, { mtimes: true }), ['.fleet', '.fleet/locks'])).toEqual(
      without(before, ['.fleet', '.fleet/locks']),
    );
    expect((await printJob(env, LEGACY_LABEL)).exitCode).toBe(0);
  });

  it('restores the legacy layout and job when the new gateway exits at start', async () => {
    const before = fingerprint(env.root);
    const plistBytes = readFileSync(legacy.plistPath);
    writeFileSync(legacy.failStartsIn, join(env.root, '.openclaw-main'));

    const run = await env.cli(['migrate', '--timeout', '10']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `  state      ${STATE_ENTRIES.filter((e) => e !== 'service-env').join(', ')}\n`,
    );
    const err = run.stderr;
    expect(err).toMatch(
      /^openclaw-fleet migrate: migration failed at step \d+ \(wait until ai\.openclaw\.main serves on port \d+ .*\): the gateway exited during start \(exit 1\)\n/,
    );
    expect(err).toContain(
      '  last log line of ai.openclaw.main: Gateway failed to start: simulated startup failure',
    );
    expect(err).toContain('restored the legacy layout:\n');
    expect(err).toContain('  - unloaded ai.openclaw.main\n');
    expect(err).toContain(`  - put back ${legacy.plistPath}\n`);
    expect(err).toContain('  - put back the original bytes of openclaw.json\n');
    expect(err).toContain(
      `  - moved back to the root: ${[...STATE_ENTRIES]
        .filter((e) => e !== 'service-env')
        .reverse()
        .join(', ')}\n`,
    );
    expect(err).toMatch(
      new RegExp(`  - reloaded ${LEGACY_LABEL}: serving on port ${legacy.port} again \\(pid \\d+\\)\\n`),
    );

    // Every file is back, byte for byte (openclaw.json included); new files only where a gateway writes.
    const after = fingerprint(env.root);
    for (const [path, value] of without(before, [legacy.lockRel]))
      expect([path, after.get(path)]).toEqual([path, value]);
    const added = [...after.keys()].filter((k) => !before.has(k));
    for (const path of added) expect(path).toMatch(/^(logs\/gateway\.log|tmp\/|\.fleet(\/|$))/);
    expect(existsSync(join(env.root, '.openclaw-main'))).toBe(false);

    expect(readdirSync(env.agentsDir)).toEqual([`${LEGACY_LABEL}.plist`]);
    expect(readFileSync(legacy.plistPath)).toEqual(plistBytes);
    expect(statSync(legacy.plistPath).mode & 0o777).toBe(0o644);
    expect((await printJob(env, 'ai.openclaw.main')).exitCode).toBe(113);
    expect((await printJob(env, LEGACY_LABEL)).stdout).toMatch(/\n\tstate = running\n/);
    expect((await getProbe(legacy.port, '/healthz'))?.status).toBe(200);
    const audit = JSON.parse((await env.cli(['audit', '--json'])).stdout) as { findings: { code: string }[] };
    expect(audit.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['root-live-state', 'legacy-gateway-job']),
    );
  });
});

describe('migrate: nothing to do and bad input', () => {
  let env: FleetEnv;
  beforeAll(() => {
    env = createFleetEnv();
    envs.push(env);
  });

  it('exits 0 with a message when there is no legacy layout', async () => {
    writeFileSync(join(env.root, 'notes.md'), 'mine\n');
    const run = await env.cli(['migrate']);
    expect(run).toEqual({
      exitCode: 0,
      stdout: `nothing to migrate: ${env.root} holds no gateway state and no ${LEGACY_LABEL} job uses it\n`,
      stderr: '',
    });
  });

  it('refuses an invalid --name with exit 2', async () => {
    const bad = await env.cli(['migrate', '--name', 'Bad_Name']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('openclaw-fleet migrate: --name: invalid instance name "Bad_Name"');
    const reserved = await env.cli(['migrate', '--name', 'gateway', '--dry-run']);
    expect(reserved.exitCode).toBe(2);
    expect(reserved.stderr).toContain('ai.openclaw.gateway is used by OpenClaw itself');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
