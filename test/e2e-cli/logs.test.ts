import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../src-main/core/redact-token.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { freePort } from '../helpers/stub-gateway.ts';
import { expectNoTokens } from './control-kit.ts';

let env: FleetEnv;
let luca: InstalledInstance;

beforeAll(async () => {
  env = createFleetEnv();
  luca = await installInstance(env, 'luca', await freePort());
  // The stub's startup ends with `ready`; after that it writes nothing unless asked, so the tests
  // own the end of the log.
  await eventually(
    async () => (existsSync(luca.logPath) ? readFileSync(luca.logPath, 'utf8') : ''),
    (text) => text.includes('[gateway] ready'),
  );
});
afterAll(async () => {
  expectNoTokens(env);
  await env.cleanup();
});

const fileLines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);

describe('logs', () => {
  it('prints the last N lines of the log launchd writes, 50 by default', async () => {
    for (let i = 1; i <= 80; i++) appendFileSync(luca.logPath, `test line ${i}\n`);
    const three = await env.cli(['logs', 'luca', '-n', '3']);
    expect(three.exitCode).toBe(0);
    expect(three.stdout).toBe('test line 78\ntest line 79\ntest line 80\n');
    const byDefault = await env.cli(['logs', 'luca']);
    expect(byDefault.stdout.split('\n').slice(0, -1)).toEqual(fileLines(luca.logPath).slice(-50));
    const all = await env.cli(['logs', 'luca', '--lines', '1000']);
    expect(all.stdout).toContain('[gateway] starting HTTP server...');
    expect((await env.cli(['logs', 'luca', '-n', '0'])).stdout).toBe('');
  });

  it("redacts the instance's own token wherever it appears in a line", async () => {
    appendFileSync(luca.logPath, `leaked Authorization: Bearer ${luca.token} (oops)\n`);
    const run = await env.cli(['logs', 'luca', '-n', '1']);
    expect(run.stdout).toBe(`leaked Authorization: Bearer ${REDACTED} (oops)\n`);
  });

  it('follows appended lines across truncation and rotation until interrupted', async () => {
    let interrupt: () => void = () => {};
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const mark = env.transcript().length;
    const seen = () => env.transcript().slice(mark);
    const waitFor = async (text: string) =>
      expect(
        await eventually(
          async () => seen(),
          (s) => s.includes(text),
          5000,
        ),
      ).toContain(text);

    const running = env.cli(['logs', 'luca', '-f', '-n', '1'], { interrupted });
    await waitFor(`(oops)\n`);
    appendFileSync(luca.logPath, 'followed 1\n');
    await waitFor('followed 1\n');
    // A line written in two pieces comes out whole; a token in it is still redacted.
    appendFileSync(luca.logPath, `half a line with ${luca.token.slice(0, 20)}`);
    await new Promise((r) => setTimeout(r, 400));
    appendFileSync(luca.logPath, `${luca.token.slice(20)} and the rest\n`);
    await waitFor(`half a line with ${REDACTED} and the rest\n`);
    expect(seen()).not.toContain(luca.token.slice(0, 20));

    writeFileSync(luca.logPath, 'after truncation\n');
    await waitFor('after truncation\n');
    expect(seen()).toContain('was truncated; following it from its start');

    renameSync(luca.logPath, `${luca.logPath}.1`);
    appendFileSync(`${luca.logPath}.1`, 'late line in the old file\n');
    writeFileSync(luca.logPath, 'first line of the new file\n');
    await waitFor('first line of the new file\n');
    expect(seen()).toContain('late line in the old file\n');
    expect(seen()).toContain('was replaced (rotated); following the new file');

    interrupt();
    const run = await running;
    expect(run.exitCode).toBe(0);
    expect(run.stderr).not.toContain('error');
    const lines = run.stdout.split('\n');
    expect(lines.indexOf('late line in the old file')).toBeLessThan(
      lines.indexOf('first line of the new file'),
    );
  });

  it('shows each file under a header when stdout and stderr go to different files', async () => {
    const split = await installInstance(env, 'split', luca.port + 120, {
      load: false,
      editPlist: (plist) => {
        plist.StandardOutPath = 'logs/out.log';
        plist.StandardErrorPath = join(String(plist.WorkingDirectory), 'logs', 'err.log');
      },
    });
    writeFileSync(join(split.stateDir, 'logs', 'out.log'), 'out 1\nout 2\n');
    writeFileSync(join(split.stateDir, 'logs', 'err.log'), 'err 1\n');
    const run = await env.cli(['logs', 'split', '-n', '1']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `==> ${split.stateDir}/logs/out.log (stdout) <==\nout 2\n==> ${split.stateDir}/logs/err.log (stderr) <==\nerr 1\n`,
    );
  });

  it('fails clearly when there is no log yet, and refuses bad input with exit 2', async () => {
    const quiet = await installInstance(env, 'quiet', luca.port + 240, { load: false });
    const run = await env.cli(['logs', 'quiet']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `openclaw-fleet logs: no log yet: ${quiet.logPath} does not exist (launchd creates it when it first starts ai.openclaw.quiet)\n`,
    );
    expect((await env.cli(['logs', 'luca', '-n', 'lots'])).exitCode).toBe(2);
    expect((await env.cli(['logs', 'luca', '-n', '-3'])).exitCode).toBe(2);
    expect((await env.cli(['logs'])).exitCode).toBe(2);
  });
});
