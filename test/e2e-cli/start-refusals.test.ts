import { writeFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { installInstance } from '../helpers/fleet-fixture.ts';
import { freePort } from '../helpers/stub-gateway.ts';
import { expectNoTokens, printJob } from './control-kit.ts';

let env: FleetEnv;
let base: number;
let foreign: Server | null = null;

beforeAll(async () => {
  env = createFleetEnv();
  base = await freePort();
});
afterAll(async () => {
  foreign?.close();
  expectNoTokens(env);
  await env.cleanup();
});

async function expectRefused(name: string, exitCode: number, ...fragments: string[]): Promise<string> {
  const run = await env.cli(['start', name]);
  expect(run.exitCode, run.stderr).toBe(exitCode);
  expect(run.stdout).toBe('');
  for (const fragment of fragments) expect(run.stderr).toContain(fragment);
  expect(await printJob(env, `ai.openclaw.${name}`)).toBeNull();
  return run.stderr;
}

describe('start refuses what cannot work, before anything is loaded', () => {
  it('refuses a port another plist of the fleet uses, with the finding and its fix', async () => {
    await installInstance(env, 'alpha', base, { load: false });
    await installInstance(env, 'twin', base, { load: false });
    const stderr = await expectRefused(
      'alpha',
      1,
      'openclaw-fleet start: refusing to start ai.openclaw.alpha (nothing was changed):',
      `duplicate-port: instances alpha, twin all use port ${base}`,
      'fix: give all but one a free port',
    );
    expect(stderr).not.toContain('port-spacing');
    expect(await printJob(env, 'ai.openclaw.twin')).toBeNull();
  });

  it('refuses a port closer than the spacing to another instance, from either side', async () => {
    await installInstance(env, 'bravo', base + 240, { load: false });
    await installInstance(env, 'near', base + 290, { load: false });
    await expectRefused(
      'bravo',
      1,
      `port-spacing: port ${base + 290} of near is only 50 above port ${base + 240} of bravo`,
    );
    await expectRefused('near', 1, 'port-spacing:');
  });

  it('refuses a state dir another plist points at', async () => {
    const charlie = await installInstance(env, 'charlie', base + 480, { load: false });
    await installInstance(env, 'copycat', base + 720, {
      load: false,
      editPlist: (plist) => {
        (plist.EnvironmentVariables as Record<string, string>).OPENCLAW_STATE_DIR = charlie.stateDir;
      },
    });
    const stderr = await expectRefused(
      'charlie',
      1,
      `duplicate-state-dir: instances charlie, copycat all point OPENCLAW_STATE_DIR at ${charlie.stateDir}`,
    );
    // Clashes elsewhere in the fleet (alpha/twin, bravo/near) are not charlie's.
    expect(stderr).not.toMatch(/duplicate-port|port-spacing/);
  });

  it('refuses a port held by a foreign listener, naming its pid', async () => {
    const port = await freePort();
    foreign = createServer();
    await new Promise<void>((resolve) => foreign!.listen(port, '127.0.0.1', resolve));
    await installInstance(env, 'delta', port, { load: false });
    await expectRefused(
      'delta',
      1,
      `port-foreign-listener: port ${port} is held by pid ${process.pid}`,
      'fix: stop pid',
    );
    await new Promise((resolve) => foreign!.close(resolve));
    foreign = null;
  });

  it('refuses a missing, unparsable or contract-breaking plist with exit 2', async () => {
    const ghost = await installInstance(env, 'ghost', base + 1200, { load: false });
    rmSync(ghost.plistPath);
    await expectRefused('ghost', 2, `cannot load ai.openclaw.ghost: ${ghost.plistPath} does not exist`);

    const garbled = await installInstance(env, 'garbled', base + 1440, { load: false });
    writeFileSync(garbled.plistPath, '<plist><dict><key>Label</key>', { mode: 0o644 });
    await expectRefused('garbled', 2, `${garbled.plistPath} is not a valid XML property list`);
    // An unparsable plist makes every later fleet read log xmldom noise; take it away again.
    rmSync(garbled.plistPath);

    await installInstance(env, 'lazy', base + 1680, {
      load: false,
      editPlist: (p) => void (p.KeepAlive = false),
    });
    await expectRefused(
      'lazy',
      2,
      'breaks the LaunchAgent contract',
      'plist-keep-alive: KeepAlive is not true',
    );
  });
});

describe('start reports a gateway that does not come up, precisely', () => {
  it('reports the exit code and the last log line of a gateway that exits at start', async () => {
    await installInstance(env, 'echo', base + 1920, {
      load: false,
      // Exits before it binds, as a gateway refusing its config does.
      knobs: { exitAfterMs: 100, exitCode: 78, startDelayMs: 5000 },
    });
    const run = await env.cli(['start', 'echo']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^openclaw-fleet start: ai\.openclaw\.echo is not serving: the gateway exited during start \(exit 78\)$/m,
    );
    expect(run.stderr).toMatch(/^ {2}launchd: .*last exit 78$/m);
    expect(run.stderr).toMatch(
      /^ {2}last log line \(.*\.openclaw-echo\/logs\/gateway\.log\): .*Uncaught exception: Error: stub-gateway fault/m,
    );
    expect(run.stderr).toContain('openclaw-fleet stop echo stops it');
    expect((await env.cli(['stop', 'echo'])).exitCode).toBe(0);
  });

  it('names the phase it was waiting for when --timeout expires', async () => {
    await installInstance(env, 'foxtrot', base + 2160, { load: false, knobs: { listen: false } });
    const started = Date.now();
    const run = await env.cli(['start', 'foxtrot', '--timeout', '2']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      `ai.openclaw.foxtrot is not serving: not serving after 2 s (the process never listened on port ${base + 2160})`,
    );
    expect(run.stderr).toMatch(/^ {2}launchd: running, pid \d+, runs 1, never exited$/m);
    expect((await env.cli(['stop', 'foxtrot'])).exitCode).toBe(0);
  });

  it('stops waiting on Ctrl-C, says so, and leaves the instance unlocked', async () => {
    await installInstance(env, 'golf', base + 2400, { load: false, knobs: { listen: false } });
    const interrupted = new Promise<void>((resolve) => setTimeout(resolve, 800));
    const run = await env.cli(['start', 'golf'], { interrupted });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^openclaw-fleet start: ai\.openclaw\.golf is not serving: interrupted$/m);
    expect(run.stderr).toContain('ai.openclaw.golf stays loaded');
    expect((await env.cli(['stop', 'golf'])).exitCode).toBe(0);
  });
});
