import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { freePort } from '../helpers/stub-gateway.ts';

let env: FleetEnv;
let luca: InstalledInstance;
let critic: InstalledInstance;

beforeAll(async () => {
  env = createFleetEnv();
  const base = await freePort();
  luca = await installInstance(env, 'luca', base);
  critic = await installInstance(env, 'critic', base + 120, { load: false });
});
afterAll(async () => {
  const transcript = env.transcript();
  for (const token of env.tokens()) expect(transcript).not.toContain(token);
  await env.cleanup();
});

type StatusJson = { instances: Array<Record<string, unknown> & { name: string; health: string }> };

async function statusJson(...names: string[]): Promise<{ exitCode: number; json: StatusJson }> {
  const run = await env.cli(['status', '--json', ...names]);
  return { exitCode: run.exitCode, json: JSON.parse(run.stdout) as StatusJson };
}

describe('status and audit against the simulator and stub gateways', () => {
  it('reports a running instance healthy with the contract fields, and an unloaded one stopped', async () => {
    const { json } = await eventually(
      () => statusJson(),
      (r) => r.json.instances.find((i) => i.name === 'luca')?.health === 'healthy',
    );
    const byName = Object.fromEntries(json.instances.map((i) => [i.name, i]));
    expect(byName.luca).toMatchObject({
      name: 'luca',
      label: 'ai.openclaw.luca',
      stateDir: luca.stateDir,
      plistPath: luca.plistPath,
      health: 'healthy',
      reason: null,
      lastError: null,
      launchd: {
        loaded: true,
        state: 'running',
        pid: expect.any(Number),
        runs: 1,
        lastExitCode: null,
        lastSignal: null,
      },
      port: { number: luca.port, listening: true, ownerPid: (byName.luca?.launchd as { pid: number }).pid },
    });
    expect(byName.critic).toMatchObject({
      health: 'stopped',
      reason: 'not loaded in launchd',
      launchd: { loaded: false, pid: null },
    });
  });

  it('prints an aligned table and exits 0 when nothing is broken', async () => {
    const run = await env.cli(['status']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+HEALTH\s+PORT\s+PID\s+REASON$/);
    expect(lines.find((l) => l.startsWith('luca'))).toMatch(
      new RegExp(`^luca\\s+healthy\\s+${luca.port}\\s+\\d+`),
    );
    expect(lines[1]?.indexOf('stopped') ?? -1).toBe(lines[0]?.indexOf('HEALTH'));
  });

  it('refuses an unknown instance name with exit 2 and the known names', async () => {
    const run = await env.cli(['status', 'nobody']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("unknown instance 'nobody'; known: critic, luca");
  });

  it('audits the fleet clean, then finds a duplicated port with exit 1', async () => {
    const clean = await env.cli(['audit', '--json']);
    expect(JSON.parse(clean.stdout)).toEqual({ ok: true, findings: [] });
    expect(clean.exitCode).toBe(0);

    await installInstance(env, 'twin', luca.port, { load: false });
    const run = await env.cli(['audit', '--json']);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      findings: Array<{ code: string; instance: string | null }>;
    };
    expect(run.exitCode).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.code)).toContain('duplicate-port');
    const human = await env.cli(['audit']);
    expect(human.stdout).toMatch(/^fleet\n {2}error {3}duplicate-port: instances luca, twin all use port/m);
  });

  it("shows a crash-looping instance with the exit code and the gateway's own line", async () => {
    await installInstance(env, 'loopy', critic.port + 120, { knobs: { exitAfterMs: 50, exitCode: 78 } });
    const { json } = await eventually(
      () => statusJson('loopy'),
      (r) => r.json.instances[0]?.health === 'crash-loop',
    );
    const loopy = json.instances[0]!;
    expect(loopy.health).toBe('crash-loop');
    expect(loopy.reason).toMatch(/^exit 78/);
    expect(typeof loopy.lastError).toBe('string');
  });
});

describe('bad input', () => {
  it('names an unreadable root and exits 2', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(env.base, 'not-a-dir');
    writeFileSync(file, 'x');
    const run = await env.cli(['status', '--root', file]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`cannot read ${file}`);
  });
});
