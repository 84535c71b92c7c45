import { describe, expect, it } from 'vitest';
import { executableFor, jobEnvironment, printedEnvironment } from '../../launchd-sim/job-environment.ts';
import { argvOf, jobSpecFromPlist, programOf, type JobSpec } from '../../launchd-sim/job-spec.ts';

function spec(plist: Record<string, unknown>): JobSpec {
  const result = jobSpecFromPlist(plist);
  if (!result.ok) throw new Error(result.problem);
  return result.spec;
}

describe('jobSpecFromPlist', () => {
  it('requires a Label and a Program or ProgramArguments', () => {
    expect(jobSpecFromPlist({ Program: '/bin/true' })).toEqual({ ok: false, problem: 'missing-label' });
    expect(jobSpecFromPlist({ Label: '', Program: '/bin/true' })).toEqual({
      ok: false,
      problem: 'missing-label',
    });
    expect(jobSpecFromPlist({ Label: 'a' })).toEqual({ ok: false, problem: 'missing-program' });
    expect(jobSpecFromPlist({ Label: 'a', ProgramArguments: [] })).toEqual({
      ok: false,
      problem: 'missing-program',
    });
    expect(jobSpecFromPlist({ Label: 'a', ProgramArguments: ['/bin/sleep', 5] })).toEqual({
      ok: false,
      problem: 'missing-program',
    });
    expect(jobSpecFromPlist(['not', 'a', 'dict'])).toEqual({ ok: false, problem: 'missing-label' });
  });

  it('applies launchd defaults: throttle 10 s, exit timeout 5 s', () => {
    const job = spec({ Label: 'a', Program: '/bin/true' });
    expect(job.throttleIntervalS).toBe(10);
    expect(job.exitTimeOutS).toBe(5);
    expect(job.keepAlive).toEqual({ kind: 'none' });
    expect(job.runAtLoad).toBe(false);
  });

  it('keeps only string EnvironmentVariables', () => {
    const job = spec({
      Label: 'a',
      Program: '/bin/true',
      EnvironmentVariables: { A: 'x', B: 1, C: true, D: ['y'] },
    });
    expect(job.environmentVariables).toEqual({ A: 'x' });
  });

  it('infers the program from ProgramArguments', () => {
    const inferred = spec({ Label: 'a', ProgramArguments: ['/bin/sleep', '5'] });
    expect(programOf(inferred)).toBe('/bin/sleep');
    expect(argvOf(inferred)).toEqual(['/bin/sleep', '5']);
    const explicit = spec({ Label: 'a', Program: '/bin/echo', ProgramArguments: ['echo', 'hi'] });
    expect(programOf(explicit)).toBe('/bin/echo');
    expect(argvOf(explicit)).toEqual(['echo', 'hi']);
    expect(argvOf(spec({ Label: 'a', Program: '/bin/true' }))).toEqual(['/bin/true']);
  });
});

describe('job environment', () => {
  const account = {
    HOME: '/Users/me',
    USER: 'me',
    LOGNAME: 'me',
    SHELL: '/bin/zsh',
    TMPDIR: '/var/folders/x/T/',
  };

  it('is the launchd default PATH, XPC_SERVICE_NAME and the account fields', () => {
    expect(jobEnvironment(spec({ Label: 'com.example', Program: '/bin/true' }), account)).toEqual({
      PATH: '/usr/bin:/bin:/usr/sbin:/sbin',
      XPC_SERVICE_NAME: 'com.example',
      ...account,
    });
  });

  it('lets the plist replace PATH and win over account fields', () => {
    const env = jobEnvironment(
      spec({
        Label: 'a',
        Program: '/bin/true',
        EnvironmentVariables: { PATH: '/opt/bin', HOME: '/elsewhere' },
      }),
      account,
    );
    expect(env.PATH).toBe('/opt/bin');
    expect(env.HOME).toBe('/elsewhere');
    expect(env.USER).toBe('me');
  });

  it('prints the plist variables followed by XPC_SERVICE_NAME', () => {
    expect(
      printedEnvironment(
        spec({ Label: 'a', Program: '/bin/true', EnvironmentVariables: { B: '2', A: '1' } }),
      ),
    ).toEqual([
      ['B', '2'],
      ['A', '1'],
      ['XPC_SERVICE_NAME', 'a'],
    ]);
  });
});

describe('executableFor', () => {
  const executables = new Set(['/bin/sleep', '/usr/sbin/cron']);
  const isExecutable = (path: string) => executables.has(path);

  it('uses Program as written', () => {
    expect(
      executableFor(spec({ Label: 'a', Program: 'relative/tool', ProgramArguments: ['x'] }), isExecutable),
    ).toBe('relative/tool');
  });

  it('looks a slash-free argv[0] up in /usr/bin:/bin:/usr/sbin:/sbin only', () => {
    expect(
      executableFor(
        spec({ Label: 'a', ProgramArguments: ['sleep', '1'], EnvironmentVariables: { PATH: '/opt/bin' } }),
        isExecutable,
      ),
    ).toBe('/bin/sleep');
    expect(executableFor(spec({ Label: 'a', ProgramArguments: ['cron'] }), isExecutable)).toBe(
      '/usr/sbin/cron',
    );
    expect(executableFor(spec({ Label: 'a', ProgramArguments: ['nowhere'] }), isExecutable)).toBe('nowhere');
    expect(executableFor(spec({ Label: 'a', ProgramArguments: ['./tool'] }), isExecutable)).toBe('./tool');
  });
});
