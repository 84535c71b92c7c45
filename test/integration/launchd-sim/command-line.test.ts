// launchctl's command-line surface: listings, not-found answers, usage errors, overrides,
// domains that do not exist, the root forms of errors.
import { afterEach, describe, expect, it } from 'vitest';
import { createLaunchdSim, type LaunchdSim, type LaunchdSimOptions } from '../../helpers/launchd-sim.ts';
import { fixture, pidOf, printService, waitFor, writePlist } from './sim-test-kit.ts';

const sims: LaunchdSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.shutdown()));
});

function newSim(options: LaunchdSimOptions = {}): LaunchdSim {
  const sim = createLaunchdSim({ timeScale: 0.1, ...options });
  sims.push(sim);
  return sim;
}

describe('list', () => {
  it('shows pid or -, last status (0 before any exit) and the raw wait status in list <label>', async () => {
    const sim = newSim();
    const running = writePlist(sim.dir, 'running', {
      Label: 'test.running',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    const failing = writePlist(sim.dir, 'failing', {
      Label: 'test.failing',
      ProgramArguments: [fixture('run-for.sh'), '0', '1'],
      RunAtLoad: true,
    });
    const idle = writePlist(sim.dir, 'idle', { Label: 'test.idle', Program: fixture('run-for.sh') });
    await sim.run(['bootstrap', sim.domain, running, failing, idle]);
    const pid = await waitFor(() => pidOf(sim, 'test.running'), 'pid');
    await waitFor(
      async () => (await printService(sim, 'test.failing')).get('last exit code') === '1',
      'failing exit',
    );
    expect(await sim.run(['list'])).toEqual({
      exitCode: 0,
      stdout: `PID\tStatus\tLabel\n${pid}\t0\ttest.running\n-\t1\ttest.failing\n-\t0\ttest.idle\n`,
      stderr: '',
    });
    const failed = await sim.run(['list', 'test.failing']);
    expect(failed.stdout).toContain('\t"LastExitStatus" = 256;\n');
    expect(failed.stdout).not.toContain('"PID"');
    const live = await sim.run(['list', 'test.running']);
    expect(live.stdout).toContain(`\t"PID" = ${pid};\n`);
    expect(live.stdout).not.toContain('LastExitStatus');
  });

  it('answers an unknown label in the legacy port wording with 113', async () => {
    const sim = newSim();
    expect(await sim.run(['list', 'test.nothing'])).toEqual({
      exitCode: 113,
      stdout: '',
      stderr: 'Could not find service "test.nothing" in domain for port\n',
    });
  });
});

describe('not loaded', () => {
  it('kickstart and print answer 113; print adds "Bad request."', async () => {
    const sim = newSim();
    const notFound = `Could not find service "test.none" in domain for user gui: ${sim.uid}\n`;
    expect(await sim.run(['kickstart', '-k', `${sim.domain}/test.none`])).toEqual({
      exitCode: 113,
      stdout: '',
      stderr: notFound,
    });
    expect(await sim.run(['print', `${sim.domain}/test.none`])).toEqual({
      exitCode: 113,
      stdout: '',
      stderr: `Bad request.\n${notFound}`,
    });
  });
});

describe('usage errors', () => {
  const cases = [
    ['bootout', '--wait', 'gui/UID/test.x'],
    ['bootstrap', 'gui/UID/test.x', '/tmp/x.plist'],
    ['bootstrap', 'gui/UID'],
    ['kickstart', '-x', 'gui/UID/test.x'],
    ['kickstart', 'gui/UID'],
    ['print'],
    ['print', 'nonsense/1'],
    ['enable', 'gui/UID'],
    ['print-disabled', 'gui/UID/test.x'],
    ['list', 'a', 'b'],
    ['frobnicate'],
    [],
  ];

  it('exit 64 with usage text on stderr, without needing a supervisor', async () => {
    const sim = newSim();
    const results = await Promise.all(
      cases.map((args) => sim.run(args.map((arg) => arg.replace('UID', String(sim.uid))))),
    );
    for (const [index, result] of results.entries()) {
      expect(result.exitCode, JSON.stringify(cases[index])).toBe(64);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/Usage: launchctl /);
    }
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${sim.dir}/supervisor.log`)).toBe(false);
  });

  it('reproduces the macOS 15 text for an unknown bootout flag', async () => {
    const sim = newSim();
    expect((await sim.run(['bootout', '--wait', `${sim.domain}/test.x`])).stderr).toBe(
      'Unrecognized target specifier.\n' +
        'Usage: launchctl bootout <domain-target> [service-path1, service-path2, ...] | <service-target>\n' +
        '<service-target> takes a form of <domain-target>/<service-id>.\n' +
        'Please refer to `man launchctl` for explanation of the <domain-target> specifiers.\n',
    );
  });
});

describe('enable / disable', () => {
  it('persists overrides across bootout and a supervisor restart, without stopping a running job', async () => {
    const sim = newSim();
    const label = 'test.toggle';
    const plist = writePlist(sim.dir, 'toggle', {
      Label: label,
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const pid = await waitFor(() => pidOf(sim, label), 'pid');
    expect(await sim.run(['disable', `${sim.domain}/${label}`])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect(await pidOf(sim, label)).toBe(pid);
    await sim.run(['bootout', `${sim.domain}/${label}`]);
    await waitFor(
      async () => (await sim.run(['print', `${sim.domain}/${label}`])).exitCode === 113,
      'bootout drained',
    );
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(5);
    expect((await sim.run(['sim-shutdown'])).exitCode).toBe(0);
    // The next call starts a fresh supervisor on the same state dir.
    expect(await sim.run(['print-disabled', sim.domain])).toEqual({
      exitCode: 0,
      stdout: `\n\tdisabled services = {\n\t\t"${label}" => disabled\n\t}\n\n\tlogin item associations = {\n\t}\n`,
      stderr: '',
    });
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(5);
    await sim.run(['enable', `${sim.domain}/${label}`]);
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(0);
    expect((await sim.run(['print', sim.domain])).stdout).toContain(`\t\t"${label}" => enabled\n`);
  });

  it('accepts labels that were never loaded', async () => {
    const sim = newSim();
    expect((await sim.run(['enable', `${sim.domain}/test.future`])).exitCode).toBe(0);
    expect((await sim.run(['print-disabled', sim.domain])).stdout).toContain(
      '\t\t"test.future" => enabled\n',
    );
  });
});

describe('missing gui domain', () => {
  it('behaves like an SSH-only Mac with LAUNCHD_SIM_NO_GUI', async () => {
    const sim = newSim({ noGui: true });
    const plist = writePlist(sim.dir, 'ssh', { Label: 'test.ssh', Program: fixture('run-for.sh') });
    expect(await sim.run(['bootstrap', sim.domain, plist])).toEqual({
      exitCode: 125,
      stdout: '',
      stderr: 'Bootstrap failed: 125: Domain does not support specified action\n',
    });
    expect(await sim.run(['print', `${sim.domain}/test.ssh`])).toEqual({
      exitCode: 112,
      stdout: '',
      stderr: `Could not find domain for user gui: ${sim.uid}\n`,
    });
    expect(await sim.run(['print', sim.domain])).toEqual({
      exitCode: 112,
      stdout: '',
      stderr: `Could not find domain for user gui: ${sim.uid}\n`,
    });
    expect(await sim.run(['enable', `${sim.domain}/test.ssh`])).toEqual({
      exitCode: 125,
      stdout: '',
      stderr: 'Could not enable service: 125: Domain does not support specified action\n',
    });
  });

  it("treats another user's gui domain as missing", async () => {
    const sim = newSim();
    const other = `gui/${sim.uid + 4242}`;
    const plist = writePlist(sim.dir, 'other', { Label: 'test.other', Program: fixture('run-for.sh') });
    expect((await sim.run(['bootstrap', other, plist])).exitCode).toBe(125);
    expect((await sim.run(['print', `${other}/test.other`])).exitCode).toBe(112);
  });
});

describe('root forms (LAUNCHD_SIM_ROOT)', () => {
  it('reports per path: already loaded → 37, disabled → 119', async () => {
    const sim = newSim({ root: true });
    const plist = writePlist(sim.dir, 'rooted', {
      Label: 'test.rooted',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    expect(await sim.run(['bootstrap', sim.domain, plist])).toEqual({
      exitCode: 37,
      stdout: '',
      stderr: `${plist}: service already loaded\nBootstrap failed: 37: Operation already in progress\n`,
    });
    await sim.run(['disable', `${sim.domain}/test.disabled`]);
    const disabled = writePlist(sim.dir, 'disabled', {
      Label: 'test.disabled',
      Program: fixture('run-for.sh'),
    });
    expect(await sim.run(['bootstrap', sim.domain, disabled])).toEqual({
      exitCode: 119,
      stdout: '',
      stderr: `${disabled}: Service is disabled\nBootstrap failed: 119: Service is disabled\n`,
    });
  });
});

describe('supervisor lifetime', () => {
  it('starts exactly one supervisor when several clients race', async () => {
    const sim = newSim();
    const results = await Promise.all(Array.from({ length: 6 }, () => sim.run(['list'])));
    for (const result of results)
      expect(result).toEqual({ exitCode: 0, stdout: 'PID\tStatus\tLabel\n', stderr: '' });
    const { readFileSync } = await import('node:fs');
    const log = readFileSync(`${sim.dir}/supervisor.log`, 'utf8');
    expect(log.match(/listening on/g)).toHaveLength(1);
  });
});
