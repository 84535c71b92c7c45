// KeepAlive, throttling, kickstart and spawn failures, measured on real processes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

function lifetimeLog(path: string): Array<{ event: string; at: number }> {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [event = '', at = '0'] = line.split(' ');
      return { event, at: Number(at) };
    });
}

describe('KeepAlive = true', () => {
  it('respawns a job killed with SIGKILL and reports the signal', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'kept', {
      Label: 'test.kept',
      ProgramArguments: [fixture('run-for.sh')],
      KeepAlive: true,
      ThrottleInterval: 1,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const first = await waitFor(() => pidOf(sim, 'test.kept'), 'first pid');
    process.kill(first, 'SIGKILL');
    const second = await waitFor(async () => {
      const pid = await pidOf(sim, 'test.kept');
      return pid !== undefined && pid !== first ? pid : undefined;
    }, 'respawn');
    const fields = await printService(sim, 'test.kept');
    expect(second).not.toBe(first);
    expect(fields.get('runs')).toBe('2');
    expect(fields.get('last terminating signal')).toBe('Killed: 9');
    expect(fields.has('last exit code')).toBe(false);
    expect((await sim.run(['list'])).stdout).toContain(`${second}\t-9\ttest.kept\n`);
    expect((await sim.run(['list', 'test.kept'])).stdout).toContain('\t"LastExitStatus" = 9;\n');
  });

  it('throttles a short-lived job: spawn scheduled, then respawn after (throttle − lifetime)', async () => {
    const sim = newSim();
    const log = join(sim.dir, 'lifetimes.log');
    // ThrottleInterval 10 × 0.1 = 1 s; the job lives ~500 ms, so the respawn waits ~500 ms — not
    // 0 (no throttle) and not 1 s (throttle not reduced by the lifetime).
    const plist = writePlist(sim.dir, 'short', {
      Label: 'test.short',
      ProgramArguments: [fixture('log-lifetime.sh'), log, '0.5', '1'],
      KeepAlive: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    await waitFor(() => lifetimeLog(log).some((entry) => entry.event === 'exit'), 'first exit');
    const scheduled = await printService(sim, 'test.short');
    expect(scheduled.get('state')).toBe('spawn scheduled');
    expect(scheduled.get('last exit code')).toBe('1');
    expect(scheduled.has('pid')).toBe(false);
    await waitFor(
      () => lifetimeLog(log).filter((entry) => entry.event === 'start').length >= 2,
      'respawn',
      3000,
    );
    const [start1, exit1, start2] = lifetimeLog(log);
    const lifetime = exit1!.at - start1!.at;
    const gap = start2!.at - exit1!.at;
    expect(lifetime).toBeGreaterThanOrEqual(480);
    expect(gap).toBeGreaterThanOrEqual(1000 - lifetime - 150);
    expect(gap).toBeLessThanOrEqual(1000 - lifetime + 300);
    expect((await printService(sim, 'test.short')).get('runs')).toBe('2');
  });

  it('respawns at once when the instance lived longer than the throttle interval', async () => {
    const sim = newSim();
    const log = join(sim.dir, 'lifetimes.log');
    // Throttle 5 × 0.1 = 500 ms; the job lives ~800 ms.
    const plist = writePlist(sim.dir, 'long', {
      Label: 'test.long',
      ProgramArguments: [fixture('log-lifetime.sh'), log, '0.8'],
      KeepAlive: true,
      ThrottleInterval: 5,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    await waitFor(
      () => lifetimeLog(log).filter((entry) => entry.event === 'start').length >= 2,
      'respawn',
      3000,
    );
    const [, exit1, start2] = lifetimeLog(log);
    expect(start2!.at - exit1!.at).toBeLessThan(300);
  });
});

describe('KeepAlive dictionary', () => {
  const cases: Array<[string, Record<string, boolean>, string[], boolean]> = [
    ['SuccessfulExit = true after exit 0', { SuccessfulExit: true }, [fixture('run-for.sh'), '0', '0'], true],
    [
      'SuccessfulExit = true after exit 1',
      { SuccessfulExit: true },
      [fixture('run-for.sh'), '0', '1'],
      false,
    ],
    [
      'SuccessfulExit = false after exit 1',
      { SuccessfulExit: false },
      [fixture('run-for.sh'), '0', '1'],
      true,
    ],
    [
      'SuccessfulExit = false after exit 0',
      { SuccessfulExit: false },
      [fixture('run-for.sh'), '0', '0'],
      false,
    ],
    [
      'SuccessfulExit = false after SIGTERM',
      { SuccessfulExit: false },
      [fixture('die-by-signal.sh'), 'TERM'],
      true,
    ],
    ['Crashed = true after SIGSEGV', { Crashed: true }, [fixture('die-by-signal.sh'), 'SEGV'], true],
    ['Crashed = true after SIGTERM', { Crashed: true }, [fixture('die-by-signal.sh'), 'TERM'], false],
    ['Crashed = true after exit 0', { Crashed: true }, [fixture('run-for.sh'), '0', '0'], false],
    ['Crashed = false after exit 0', { Crashed: false }, [fixture('run-for.sh'), '0', '0'], true],
    [
      'SuccessfulExit = true OR Crashed = true after SIGABRT',
      { SuccessfulExit: true, Crashed: true },
      [fixture('die-by-signal.sh'), 'ABRT'],
      true,
    ],
  ];

  it('applies each condition, ORed, after the job ends by itself', async () => {
    const sim = newSim();
    // Throttle 1 × 0.1 = 100 ms, so a respawning job has run several times within 700 ms.
    const plists = cases.map(([, keepAlive, args], index) =>
      writePlist(sim.dir, `case${index}`, {
        Label: `test.case${index}`,
        ProgramArguments: args,
        KeepAlive: keepAlive,
        ThrottleInterval: 1,
      }),
    );
    expect((await sim.run(['bootstrap', sim.domain, ...plists])).exitCode).toBe(0);
    await sleep(700);
    for (const [index, [name, , , respawns]] of cases.entries()) {
      const runs = Number((await printService(sim, `test.case${index}`)).get('runs'));
      if (respawns) expect(runs, name).toBeGreaterThanOrEqual(3);
      else expect(runs, name).toBe(1);
    }
    const crashed = await printService(sim, 'test.case5');
    expect(crashed.get('last terminating signal')).toBe('Segmentation fault: 11');
  });
});

describe('kickstart', () => {
  it('-k kills the running instance with SIGKILL and starts a new one at once', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'restart', {
      Label: 'test.restart',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const first = await waitFor(() => pidOf(sim, 'test.restart'), 'pid');
    const kick = await sim.run(['kickstart', '-k', '-p', `${sim.domain}/test.restart`]);
    expect(kick.exitCode).toBe(0);
    // stdout is a pipe here, so -p prints the bare pid.
    expect(kick.stdout).toMatch(/^\d+\n$/);
    const second = Number(kick.stdout);
    expect(second).not.toBe(first);
    expect(isGone(first)).toBe(true);
    const fields = await printService(sim, 'test.restart');
    expect(fields.get('pid')).toBe(String(second));
    expect(fields.get('runs')).toBe('2');
    expect(fields.get('last terminating signal')).toBe('Killed: 9');
  });

  it('without -k leaves a running job alone and reports its pid', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'noop', {
      Label: 'test.noop',
      ProgramArguments: [fixture('run-for.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const pid = await waitFor(() => pidOf(sim, 'test.noop'), 'pid');
    expect(await sim.run(['kickstart', '-p', `${sim.domain}/test.noop`])).toEqual({
      exitCode: 0,
      stdout: `${pid}\n`,
      stderr: '',
    });
    expect((await printService(sim, 'test.noop')).get('runs')).toBe('1');
  });

  it('starts a loaded idle job, and a throttled one without waiting for the throttle', async () => {
    const sim = newSim();
    const idle = writePlist(sim.dir, 'idle', {
      Label: 'test.idle',
      ProgramArguments: [fixture('run-for.sh')],
    });
    // Throttle 100 s × 0.1 = 10 s: only kickstart can bring it back within the test.
    const throttled = writePlist(sim.dir, 'throttled', {
      Label: 'test.throttled',
      ProgramArguments: [fixture('run-for.sh'), '0', '3'],
      KeepAlive: true,
      ThrottleInterval: 100,
    });
    await sim.run(['bootstrap', sim.domain, idle, throttled]);
    expect(await sim.run(['kickstart', `${sim.domain}/test.idle`])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect((await printService(sim, 'test.idle')).get('state')).toBe('running');
    await waitFor(
      async () => (await printService(sim, 'test.throttled')).get('state') === 'spawn scheduled',
      'throttled',
    );
    await sim.run(['kickstart', `${sim.domain}/test.throttled`]);
    const fields = await printService(sim, 'test.throttled');
    expect(Number(fields.get('runs'))).toBe(2);
    expect(fields.get('last exit code')).toBe('3');
  });

  it('prints "service spawned with pid: N" when stdout is a terminal', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'tty', {
      Label: 'test.tty',
      ProgramArguments: [fixture('run-for.sh')],
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const { spawnSync } = await import('node:child_process');
    // util-linux script(1) gives launchctl a pseudo-terminal as stdout.
    const result = spawnSync(
      'script',
      ['-qec', `${sim.launchctlPath} kickstart -p ${sim.domain}/test.tty`, '/dev/null'],
      { env: sim.env, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^service spawned with pid: \d+\r?\n$/);
  });
});

describe('spawn failures', () => {
  it('records a missing program as 78: EX_CONFIG and retries it under the throttle with KeepAlive', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'missing', {
      Label: 'test.missing',
      ProgramArguments: ['/nonexistent/program'],
      KeepAlive: true,
      ThrottleInterval: 2,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const fields = await printService(sim, 'test.missing');
    expect(fields.get('last exit code')).toBe('78: EX_CONFIG');
    expect(fields.get('state')).toBe('spawn scheduled');
    expect((await sim.run(['list'])).stdout).toContain('-\t78\ttest.missing\n');
    expect((await sim.run(['list', 'test.missing'])).stdout).toContain('\t"LastExitStatus" = 19968;\n');
    await waitFor(
      async () => Number((await printService(sim, 'test.missing')).get('runs')) >= 3,
      'retries every 200 ms',
      2000,
    );
  });

  it.each([
    ['a program that is not executable', { Program: '/etc/hostname' }],
    ['a script without #!', { ProgramArguments: ['NOSHEBANG'] }],
    [
      'an unopenable StandardOutPath',
      { ProgramArguments: [fixture('run-for.sh')], StandardOutPath: '/nonexistent-dir/out.log' },
    ],
    [
      'an unopenable StandardErrorPath',
      { ProgramArguments: [fixture('run-for.sh')], StandardErrorPath: '/nonexistent-dir/err.log' },
    ],
  ])('records %s as 78', async (_what, keys) => {
    const sim = newSim();
    const dict: Record<string, unknown> = { Label: 'test.fail', RunAtLoad: true, ...keys };
    if (Array.isArray(dict.ProgramArguments) && dict.ProgramArguments[0] === 'NOSHEBANG') {
      const { writeFileSync } = await import('node:fs');
      const script = join(sim.dir, 'noshebang');
      writeFileSync(script, 'sleep 100\n', { mode: 0o755 });
      dict.ProgramArguments = [script];
    }
    await sim.run(['bootstrap', sim.domain, writePlist(sim.dir, 'fail', dict)]);
    const fields = await printService(sim, 'test.fail');
    expect(fields.get('state')).toBe('not running');
    expect(fields.get('last exit code')).toBe('78: EX_CONFIG');
    expect(fields.get('runs')).toBe('1');
  });
});
