import { describe, expect, it } from 'vitest';
import {
  exitCodeFromPrint,
  parseServicePrint,
  serviceStatusFromPrint,
  splitPrintProperties,
} from '../../../src-main/core/launchctl-parse-print-service.ts';

// A macOS 15-shaped print of a running agent whose previous instance was SIGKILLed, with nested blocks that
// reuse the top-level keys `state`, `pid` and `path`.
const RUNNING_AFTER_KILL = [
  'gui/501/ai.openclaw.luca = {',
  '\tactive count = 1',
  '\tpath = /Users/me/Library/LaunchAgents/ai.openclaw.luca.plist',
  '\ttype = LaunchAgent',
  '\tstate = running',
  '',
  '\tprogram = /usr/local/bin/node',
  '\targuments = {',
  '\t\t/usr/local/bin/node',
  '\t\t}',
  '\t\tport = {',
  '\t}',
  '',
  '\tenvironment = {',
  '\t\tOPENCLAW_STATE_DIR => /Users/me/.openclaw/.openclaw-luca',
  '\t\tODD => a => b = c',
  '\t\tXPC_SERVICE_NAME => ai.openclaw.luca',
  '\t}',
  '',
  '\tdomain = gui/501 [100015]',
  '\tminimum runtime = 10',
  '\texit timeout = 5',
  '\truns = 3',
  '\tpid = 4242',
  '\tlast terminating signal = Killed: 9',
  '',
  '\tevent triggers = {',
  '\t\tai.openclaw.luca.1 => {',
  '\t\t\tstate = not running',
  '\t\t\tpid = 17',
  '\t\t\tpath = /nested/path',
  '\t\t}',
  '\t}',
  '',
  '\tproperties = keepalive | runatload | inferred program',
  '}',
  '',
].join('\n');

describe('parseServicePrint', () => {
  it('reads top-level fields and never the same keys from nested blocks', () => {
    const print = parseServicePrint(RUNNING_AFTER_KILL);
    expect(print).toMatchObject({
      target: 'gui/501/ai.openclaw.luca',
      state: 'running',
      pid: 4242,
      runs: 3,
      plistPath: '/Users/me/Library/LaunchAgents/ai.openclaw.luca.plist',
      domain: 'gui/501 [100015]',
    });
  });

  it('takes a signal death from `last terminating signal`, which replaces the exit code line', () => {
    const print = parseServicePrint(RUNNING_AFTER_KILL);
    expect(print.lastExit).toEqual({ code: null, signal: 9 });
    expect(print.lastExitText).toBe('Killed: 9');
    expect(parseServicePrint('\tlast terminating signal = Terminated: 15').lastExit).toEqual({
      code: null,
      signal: 15,
    });
  });

  it('keeps argv elements and environment values verbatim, even when they look like syntax', () => {
    const print = parseServicePrint(RUNNING_AFTER_KILL);
    expect(print.arguments).toEqual(['/usr/local/bin/node', '}', 'port = {']);
    expect(print.environment).toEqual({
      OPENCLAW_STATE_DIR: '/Users/me/.openclaw/.openclaw-luca',
      ODD: 'a => b = c',
      XPC_SERVICE_NAME: 'ai.openclaw.luca',
    });
  });

  it('splits properties on ` | ` and reads an empty value (trailing space) as no flags', () => {
    expect(parseServicePrint(RUNNING_AFTER_KILL).properties).toEqual([
      'keepalive',
      'runatload',
      'inferred program',
    ]);
    expect(parseServicePrint('x/y = {\n\tstate = not running\n\tproperties = \n}').properties).toEqual([]);
    expect(splitPrintProperties('')).toEqual([]);
  });

  it.each([
    ['tabs', '\t'],
    ['4 spaces', '    '],
    ['8 spaces', '        '],
  ])('parses the same output rendered with %s', (_name, unit) => {
    const rendered = RUNNING_AFTER_KILL.replace(/^\t+/gm, (tabs) => unit.repeat(tabs.length));
    expect(parseServicePrint(rendered)).toEqual(parseServicePrint(RUNNING_AFTER_KILL));
  });

  it('parses CRLF output like LF output', () => {
    expect(parseServicePrint(RUNNING_AFTER_KILL.replaceAll('\n', '\r\n'))).toEqual(
      parseServicePrint(RUNNING_AFTER_KILL),
    );
  });

  it('reads a fragment without a header line at column 0', () => {
    expect(parseServicePrint('state = not running\nlast exit code = (never exited)\nruns = 0')).toMatchObject(
      {
        target: null,
        state: 'not running',
        runs: 0,
        lastExit: { code: null, signal: null },
        lastExitText: '(never exited)',
      },
    );
  });

  it('reads the header of a job in the system domain', () => {
    expect(parseServicePrint('system/com.example.d = {\n\tstate = running\n}').target).toBe(
      'system/com.example.d',
    );
  });
});

describe('exitCodeFromPrint', () => {
  it.each([
    ['(never exited)', null],
    ['0', 0],
    ['127', 127],
    ['78: EX_CONFIG', 78],
    ['78 (EX_CONFIG)', 78],
    ['1: Operation not permitted', 1],
    ['garbage', null],
  ])('%s → %s', (text, code) => {
    expect(exitCodeFromPrint(text)).toBe(code);
  });
});

describe('serviceStatusFromPrint', () => {
  it('maps a print to the product status under the label asked for', () => {
    expect(serviceStatusFromPrint(parseServicePrint(RUNNING_AFTER_KILL), 'ai.openclaw.luca')).toEqual({
      label: 'ai.openclaw.luca',
      loaded: true,
      state: 'running',
      pid: 4242,
      runs: 3,
      lastExit: { code: null, signal: 9 },
      plistPath: '/Users/me/Library/LaunchAgents/ai.openclaw.luca.plist',
      program: '/usr/local/bin/node',
      arguments: ['/usr/local/bin/node', '}', 'port = {'],
      environment: {
        OPENCLAW_STATE_DIR: '/Users/me/.openclaw/.openclaw-luca',
        ODD: 'a => b = c',
        XPC_SERVICE_NAME: 'ai.openclaw.luca',
      },
      // Not in this print: the plist set none of them.
      workingDirectory: null,
      stdoutPath: null,
      stderrPath: null,
      exitTimeoutSeconds: 5,
      minimumRuntimeSeconds: 10,
      properties: ['keepalive', 'runatload', 'inferred program'],
    });
  });

  it('refuses output without a `state` line', () => {
    expect(serviceStatusFromPrint(parseServicePrint('hello\nworld = 1'), 'x')).toBeNull();
  });
});

describe('blocks that lost their closing brace', () => {
  it('ends a block at the next line that is not indented deeper than its opener', () => {
    const fragment = ['arguments = {', '    /bin/sleep', '    300', 'state = running', 'pid = 12'].join('\n');
    expect(parseServicePrint(fragment)).toMatchObject({
      arguments: ['/bin/sleep', '300'],
      state: 'running',
      pid: 12,
    });
  });

  it('keeps elision lines at column 0 inside the block they abridge', () => {
    const text = ['x/y = {', '\tenvironment = {', '[…]', '\t\tA => 1', '\t}', '\tstate = running', '}'].join(
      '\n',
    );
    expect(parseServicePrint(text)).toMatchObject({ environment: { A: '1' }, state: 'running' });
  });
});
