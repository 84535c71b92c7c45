// bootstrap / bootout / print against the real simulated launchctl and real processes.
import { afterEach, describe, expect, it } from 'vitest';
import { createLaunchdSim, type LaunchdSim } from '../../helpers/launchd-sim.ts';
import { fixture, isGone, pidOf, printService, sleep, waitFor, writePlist } from './sim-test-kit.ts';

const sims: LaunchdSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.shutdown()));
});

function newSim(timeScale = 0.1): LaunchdSim {
  const sim = createLaunchdSim({ timeScale });
  sims.push(sim);
  return sim;
}

const GENERIC_FAILURE =
  'Bootstrap failed: 5: Input/output error\nTry re-running the command as root for richer errors.\n';

describe('bootstrap and print', () => {
  it('spawns a RunAtLoad job and prints it running with its pid', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'sleeper', {
      Label: 'test.sleeper',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    const boot = await sim.run(['bootstrap', sim.domain, plist]);
    expect(boot).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const fields = await printService(sim, 'test.sleeper');
    expect(fields.get('state')).toBe('running');
    expect(fields.get('type')).toBe('LaunchAgent');
    expect(fields.get('path')).toBe(plist);
    expect(fields.get('runs')).toBe('1');
    expect(fields.get('last exit code')).toBe('(never exited)');
    const pid = Number(fields.get('pid'));
    expect(isGone(pid)).toBe(false);
  });

  it('loads a job without RunAtLoad or KeepAlive but does not start it', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'idle', { Label: 'test.idle', Program: fixture('run-for.sh') });
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(0);
    const fields = await printService(sim, 'test.idle');
    expect(fields.get('state')).toBe('not running');
    expect(fields.has('pid')).toBe(false);
    expect(fields.get('runs')).toBe('0');
  });

  it('refuses a second bootstrap of a loaded label with the generic 5', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'twice', {
      Label: 'test.twice',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    expect(await sim.run(['bootstrap', sim.domain, plist])).toEqual({
      exitCode: 5,
      stdout: '',
      stderr: GENERIC_FAILURE,
    });
  });

  it('reads binary plists', async () => {
    const sim = newSim();
    const plist = writePlist(
      sim.dir,
      'binary',
      { Label: 'test.binary', ProgramArguments: [fixture('run-for.sh')], RunAtLoad: true },
      { binary: true },
    );
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(0);
    expect((await printService(sim, 'test.binary')).get('state')).toBe('running');
  });

  it.each([
    ['a missing file', () => '/nonexistent/job.plist'],
    [
      'an unparsable file',
      (sim: LaunchdSim) => writePlist(sim.dir, 'x', {}).replace('x.plist', 'garbage.plist'),
    ],
  ])('answers %s with the generic 5', async (_what, pathFor) => {
    const sim = newSim();
    const path = pathFor(sim);
    if (path.endsWith('garbage.plist'))
      await import('node:fs').then((fs) => fs.writeFileSync(path, '<plist><dict><key>Label</key>'));
    expect(await sim.run(['bootstrap', sim.domain, path])).toEqual({
      exitCode: 5,
      stdout: '',
      stderr: GENERIC_FAILURE,
    });
  });

  it.each([
    ['no Label', { ProgramArguments: ['/bin/true'] }, 0o644],
    ['no Program or ProgramArguments', { Label: 'test.noprogram' }, 0o644],
    ['a group-writable plist', { Label: 'test.writable', Program: '/bin/true' }, 0o664],
    ['a world-writable plist', { Label: 'test.writable', Program: '/bin/true' }, 0o646],
  ])('answers %s with the generic 5', async (_what, dict, mode) => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'invalid', dict, { mode });
    expect(await sim.run(['bootstrap', sim.domain, plist])).toEqual({
      exitCode: 5,
      stdout: '',
      stderr: GENERIC_FAILURE,
    });
    expect((await sim.run(['list'])).stdout).toBe('PID\tStatus\tLabel\n');
  });
});

describe('bootout', () => {
  it('returns before the process is gone; the label stays taken until it drains', async () => {
    const sim = newSim(0.05);
    // ExitTimeOut 30 × 0.05 = 1.5 s until SIGKILL (room for slow CI); the fixture ignores SIGTERM.
    const plist = writePlist(sim.dir, 'stubborn', {
      Label: 'test.stubborn',
      ProgramArguments: [fixture('ignore-sigterm.sh')],
      RunAtLoad: true,
      ExitTimeOut: 30,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const pid = await waitFor(() => pidOf(sim, 'test.stubborn'), 'pid');
    const started = performance.now();
    expect(await sim.run(['bootout', `${sim.domain}/test.stubborn`])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect(isGone(pid)).toBe(false);
    expect(await sim.run(['bootstrap', sim.domain, plist])).toEqual({
      exitCode: 5,
      stdout: '',
      stderr: GENERIC_FAILURE,
    });
    const draining = await sim.run(['print', `${sim.domain}/test.stubborn`]);
    expect(draining.exitCode).toBe(0);
    await waitFor(() => isGone(pid), 'SIGKILL after the scaled exit timeout', 3000);
    const killedAfter = performance.now() - started;
    expect(killedAfter).toBeGreaterThanOrEqual(1450);
    expect(killedAfter).toBeLessThan(3000);
    await waitFor(
      async () => (await sim.run(['print', `${sim.domain}/test.stubborn`])).exitCode === 113,
      'label released',
    );
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(0);
  });

  it('sends SIGTERM to the whole process group and frees the label once the job exits', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'polite', {
      Label: 'test.polite',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const pid = await waitFor(() => pidOf(sim, 'test.polite'), 'pid');
    await sim.run(['bootout', `${sim.domain}/test.polite`]);
    await waitFor(() => isGone(pid), 'SIGTERM to stop the job', 1000);
    await waitFor(
      async () => (await sim.run(['bootstrap', sim.domain, plist])).exitCode === 0,
      'rebootstrap',
      2000,
    );
  });

  it('waits forever with ExitTimeOut = 0', async () => {
    const sim = newSim(0.05);
    const plist = writePlist(sim.dir, 'forever', {
      Label: 'test.forever',
      ProgramArguments: [fixture('ignore-sigterm.sh')],
      RunAtLoad: true,
      ExitTimeOut: 0,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const pid = await waitFor(() => pidOf(sim, 'test.forever'), 'pid');
    await sim.run(['bootout', `${sim.domain}/test.forever`]);
    await sleep(600);
    expect(isGone(pid)).toBe(false);
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(5);
  });

  it('removes a loaded job that is not running at once', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'idle', { Label: 'test.idle', Program: fixture('run-for.sh') });
    await sim.run(['bootstrap', sim.domain, plist]);
    expect((await sim.run(['bootout', `${sim.domain}/test.idle`])).exitCode).toBe(0);
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(0);
  });

  it('answers an unknown label with 3 and a not-loaded plist path with 5 + hint', async () => {
    const sim = newSim();
    expect(await sim.run(['bootout', `${sim.domain}/test.nothing`])).toEqual({
      exitCode: 3,
      stdout: '',
      stderr: 'Boot-out failed: 3: No such process\n',
    });
    const plist = writePlist(sim.dir, 'nothing', { Label: 'test.nothing', Program: '/bin/true' });
    expect(await sim.run(['bootout', sim.domain, plist])).toEqual({
      exitCode: 5,
      stdout: '',
      stderr:
        'Boot-out failed: 5: Input/output error\nTry re-running the command as root for richer errors.\n',
    });
  });

  it('boots out by plist path', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'bypath', {
      Label: 'test.bypath',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const pid = await waitFor(() => pidOf(sim, 'test.bypath'), 'pid');
    expect((await sim.run(['bootout', sim.domain, plist])).exitCode).toBe(0);
    await waitFor(() => isGone(pid), 'job stopped');
  });
});

describe('sim-shutdown', () => {
  it('stops every job (SIGKILL for the stubborn ones) and the supervisor, leaving no process', async () => {
    const sim = createLaunchdSim({ timeScale: 0.1 });
    try {
      const a = writePlist(sim.dir, 'a', {
        Label: 'test.a',
        ProgramArguments: [fixture('run-for.sh')],
        KeepAlive: true,
      });
      const b = writePlist(sim.dir, 'b', {
        Label: 'test.b',
        ProgramArguments: [fixture('ignore-sigterm.sh')],
        RunAtLoad: true,
      });
      await sim.run(['bootstrap', sim.domain, a, b]);
      const pids = [
        await waitFor(() => pidOf(sim, 'test.a'), 'a'),
        await waitFor(() => pidOf(sim, 'test.b'), 'b'),
      ];
      const supervisor = (
        JSON.parse(
          await import('node:fs').then((fs) => fs.readFileSync(`${sim.dir}/supervisor.json`, 'utf8')),
        ) as { pid: number }
      ).pid;
      expect(await sim.run(['sim-shutdown'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      for (const pid of pids) expect(isGone(pid)).toBe(true);
      await waitFor(() => isGone(supervisor), 'supervisor exit', 2000);
    } finally {
      await sim.shutdown();
    }
  });
});
