// Ctrl-C during `add` is a real SIGINT to a real CLI process, so this runs `src-main/cli/main.ts`
// as a child instead of in-process.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDir } from '../../src-main/fleet/fleet-dirs.ts';
import { allTokens, FIXTURE_ENTRIES, isLoaded, spacedPort } from '../helpers/add-remove-kit.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually } from '../helpers/fleet-fixture.ts';

const MAIN = fileURLToPath(new URL('../../src-main/cli/main.ts', import.meta.url));
let env: FleetEnv;
let output = '';

beforeAll(() => {
  env = createFleetEnv();
});
afterAll(async () => {
  for (const token of allTokens(env)) expect(output).not.toContain(token);
  await env.cleanup();
});

describe('add interrupted', () => {
  it('rolls back when Ctrl-C arrives while it waits for the gateway', async () => {
    const port = await spacedPort();
    const entry = join(FIXTURE_ENTRIES, 'never-listens.mjs');
    const child = spawn(
      process.execPath,
      [MAIN, 'add', 'hasty', '--port', String(port), '--node', env.node, '--entry', entry, '--timeout', '60'],
      {
        env: {
          ...env.sim.env,
          HOME: env.home,
          OPENCLAW_FLEET_ROOT: env.root,
          OPENCLAW_FLEET_AGENTS_DIR: env.agentsDir,
          OPENCLAW_FLEET_LAUNCHCTL: env.sim.launchctlPath,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      // Interrupt once the gateway runs and add is waiting for its port.
      const running = await eventually(
        () => env.sim.run(['print', `${env.sim.domain}/ai.openclaw.hasty`]),
        (p) => /\n\tpid = \d+/.test(p.stdout),
        15_000,
      );
      expect(running.stdout).toMatch(/\n\tpid = \d+/);
      child.kill('SIGINT');
      const code = await exited;
      output = stdout + stderr;
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /^openclaw-fleet add: could not add hasty: interrupted while waiting for the gateway to serve\n/,
      );
      expect(stderr).toMatch(
        /rolled back: unloaded ai\.openclaw\.hasty; removed .*; moved the state dir to /,
      );
      expect(code).toBe(1);
      expect(await isLoaded(env, 'ai.openclaw.hasty')).toBe(false);
      expect(existsSync(join(env.agentsDir, 'ai.openclaw.hasty.plist'))).toBe(false);
      expect(existsSync(join(env.root, '.openclaw-hasty'))).toBe(false);
      expect(readdirSync(backupDir(env.root, 'state')).some((d) => d.startsWith('openclaw-hasty.'))).toBe(
        true,
      );
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
