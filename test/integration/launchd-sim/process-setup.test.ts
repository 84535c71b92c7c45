// What a job process gets from the simulator: environment, working directory, stdio, group.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLaunchdSim, type LaunchdSim } from '../../helpers/launchd-sim.ts';
import { fixture, isGone, printService, sleep, waitFor, writePlist } from './sim-test-kit.ts';

const sims: LaunchdSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.shutdown()));
});

function newSim(): LaunchdSim {
  const sim = createLaunchdSim({ timeScale: 0.1 });
  sims.push(sim);
  return sim;
}

function readReport(path: string): { fields: Map<string, string>; env: Map<string, string> } {
  const [head = '', envText = ''] = readFileSync(path, 'utf8').split('--- env\n');
  const pairs = (text: string) =>
    new Map(
      text
        .split('\n')
        .filter(Boolean)
        .map(
          (line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as [string, string],
        ),
    );
  return { fields: pairs(head), env: pairs(envText) };
}

async function runReport(
  sim: LaunchdSim,
  keys: Record<string, unknown>,
): Promise<{ fields: Map<string, string>; env: Map<string, string> }> {
  const report = join(sim.dir, 'report.txt');
  const plist = writePlist(sim.dir, 'report', {
    Label: 'test.report',
    ProgramArguments: [fixture('report-environment.sh'), report],
    RunAtLoad: true,
    ...keys,
  });
  expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(0);
  await waitFor(() => {
    try {
      return readFileSync(report, 'utf8').length > 0;
    } catch {
      return false;
    }
  }, 'report file');
  return readReport(report);
}

describe('job environment', () => {
  it('gets the launchd defaults, the plist variables and the account fields, nothing of the caller', async () => {
    const sim = newSim();
    const { env } = await runReport(sim, {
      EnvironmentVariables: { GREETING: 'hello', COUNT: 3, FLAG: true },
    });
    expect(env.get('PATH')).toBe('/usr/bin:/bin:/usr/sbin:/sbin');
    expect(env.get('XPC_SERVICE_NAME')).toBe('test.report');
    expect(env.get('GREETING')).toBe('hello');
    expect(env.has('COUNT')).toBe(false);
    expect(env.has('FLAG')).toBe(false);
    expect(env.get('HOME')).toBe(process.env.HOME);
    for (const name of env.keys()) expect(name).not.toMatch(/^LAUNCHD_SIM_/);
    const allowed = new Set([
      'PATH',
      'XPC_SERVICE_NAME',
      'GREETING',
      'HOME',
      'USER',
      'LOGNAME',
      'SHELL',
      'TMPDIR',
      'PWD',
      'SHLVL',
      '_',
      'OLDPWD',
    ]);
    // sh itself adds PWD/SHLVL/_; everything else must come from launchd's rules.
    expect([...env.keys()].filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('replaces (does not merge) PATH and keeps explicit account values', async () => {
    const sim = newSim();
    const { env } = await runReport(sim, {
      EnvironmentVariables: { PATH: '/opt/custom/bin:/usr/bin:/bin', HOME: '/custom/home' },
    });
    expect(env.get('PATH')).toBe('/opt/custom/bin:/usr/bin:/bin');
    expect(env.get('HOME')).toBe('/custom/home');
    const fields = await printService(sim, 'test.report');
    expect(fields.get('state')).toBeDefined();
  });
});

describe('working directory, stdin and argv', () => {
  it('runs in / by default with stdin from /dev/null', async () => {
    const sim = newSim();
    const { fields } = await runReport(sim, {});
    expect(fields.get('cwd')).toBe('/');
    expect(fields.get('stdin')).toBe('');
  });

  it('runs in WorkingDirectory, and in / when that directory does not exist', async () => {
    const sim = newSim();
    const work = join(sim.dir, 'work');
    mkdirSync(work);
    expect((await runReport(sim, { WorkingDirectory: work })).fields.get('cwd')).toBe(work);
    const other = newSim();
    expect((await runReport(other, { WorkingDirectory: join(other.dir, 'missing') })).fields.get('cwd')).toBe(
      '/',
    );
  });

  it('looks a relative argv[0] up in the standard path, not in the job PATH', async () => {
    const sim = newSim();
    const out = join(sim.dir, 'out.log');
    const plist = writePlist(sim.dir, 'relative', {
      Label: 'test.relative',
      ProgramArguments: ['sh', '-c', 'echo "$0 ran"'],
      EnvironmentVariables: { PATH: '/nonexistent' },
      StandardOutPath: out,
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    await waitFor(() => {
      try {
        return readFileSync(out, 'utf8') === 'sh ran\n';
      } catch {
        return false;
      }
    }, 'output');
    expect((await printService(sim, 'test.relative')).get('program')).toBe('sh');
  });
});

describe('standard output and error', () => {
  it('appends to StandardOutPath/StandardErrorPath (one file for both is fine), never truncating', async () => {
    const sim = newSim();
    const log = join(sim.dir, 'both.log');
    writeFileSync(log, 'existing line\n');
    const report = join(sim.dir, 'report.txt');
    const plist = writePlist(sim.dir, 'logs', {
      Label: 'test.logs',
      ProgramArguments: [fixture('report-environment.sh'), report],
      StandardOutPath: log,
      StandardErrorPath: log,
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    await waitFor(
      async () => (await printService(sim, 'test.logs')).get('state') === 'not running',
      'first run',
    );
    await sim.run(['kickstart', `${sim.domain}/test.logs`]);
    await waitFor(() => readFileSync(log, 'utf8').split('\n').length >= 6, 'second run output');
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('existing line');
    expect(lines.filter((line) => line.startsWith('stdout line')).length).toBe(2);
    expect(lines.filter((line) => line.startsWith('stderr line')).length).toBe(2);
  });
});

describe('process group', () => {
  it('is led by the job, and what is left of it gets SIGTERM when the job exits', async () => {
    const sim = newSim();
    const pidFile = join(sim.dir, 'grandchild.pid');
    const plist = writePlist(sim.dir, 'leaver', {
      Label: 'test.leaver',
      ProgramArguments: [fixture('leave-grandchild.sh'), pidFile],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const grandchild = await waitFor(() => {
      try {
        return Number(readFileSync(pidFile, 'utf8'));
      } catch {
        return undefined;
      }
    }, 'grandchild pid');
    await waitFor(() => isGone(grandchild), 'grandchild SIGTERMed', 2000);
  });

  it('is left alone with AbandonProcessGroup', async () => {
    const sim = newSim();
    const pidFile = join(sim.dir, 'grandchild.pid');
    const plist = writePlist(sim.dir, 'abandon', {
      Label: 'test.abandon',
      ProgramArguments: [fixture('leave-grandchild.sh'), pidFile],
      RunAtLoad: true,
      AbandonProcessGroup: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const grandchild = await waitFor(() => {
      try {
        return Number(readFileSync(pidFile, 'utf8'));
      } catch {
        return undefined;
      }
    }, 'grandchild pid');
    await waitFor(
      async () => (await printService(sim, 'test.abandon')).get('state') === 'not running',
      'job exit',
    );
    await sleep(300);
    expect(isGone(grandchild)).toBe(false);
    // …but the simulator still owns it: shutdown must not leave it behind.
    await sim.shutdown();
    expect(isGone(grandchild)).toBe(true);
  });
});
