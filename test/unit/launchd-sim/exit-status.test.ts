import { describe, expect, it } from 'vitest';
import {
  domainServicesExitColumn,
  isCrash,
  lastExitLine,
  listStatusColumn,
  macosSignalNumber,
  rawWaitStatus,
  strsignal,
  type ExitOutcome,
} from '../../launchd-sim/exit-status.ts';

const exited = (code: number): ExitOutcome => ({ kind: 'exited', code });
const signaled = (signal: string): ExitOutcome => ({ kind: 'signaled', signal });

describe('strsignal (macOS text and numbering)', () => {
  it.each([
    ['SIGTERM', 'Terminated: 15'],
    ['SIGKILL', 'Killed: 9'],
    ['SIGHUP', 'Hangup: 1'],
    ['SIGINT', 'Interrupt: 2'],
    ['SIGABRT', 'Abort trap: 6'],
    ['SIGSEGV', 'Segmentation fault: 11'],
    // Linux numbers SIGBUS 7, SIGUSR1 10, SIGSYS 31; the simulator must print macOS's.
    ['SIGBUS', 'Bus error: 10'],
    ['SIGUSR1', 'User defined signal 1: 30'],
    ['SIGSYS', 'Bad system call: 12'],
  ])('%s → %s', (signal, text) => {
    expect(strsignal(signal)).toBe(text);
  });

  it('names Linux-only signals as unknown', () => {
    expect(strsignal('SIGPWR')).toMatch(/^Unknown signal: \d+$/);
  });

  it('maps names to macOS numbers', () => {
    expect(macosSignalNumber('SIGCHLD')).toBe(20);
    expect(macosSignalNumber('SIGUSR2')).toBe(31);
  });
});

describe('last exit line of print', () => {
  it.each([
    [null, 'last exit code', '(never exited)'],
    [exited(0), 'last exit code', '0'],
    [exited(1), 'last exit code', '1'],
    [exited(127), 'last exit code', '127'],
    [exited(64), 'last exit code', '64: EX_USAGE'],
    [exited(78), 'last exit code', '78: EX_CONFIG'],
    [exited(79), 'last exit code', '79'],
    [exited(63), 'last exit code', '63'],
    [signaled('SIGKILL'), 'last terminating signal', 'Killed: 9'],
    [signaled('SIGTERM'), 'last terminating signal', 'Terminated: 15'],
  ])('%j → %s = %s', (outcome, key, value) => {
    expect(lastExitLine(outcome)).toEqual({ key, value });
  });
});

describe('raw wait status (list <label> LastExitStatus)', () => {
  it.each([
    [exited(0), 0],
    [exited(1), 256],
    [exited(78), 19968],
    [exited(255), 65280],
    [signaled('SIGKILL'), 9],
    [signaled('SIGTERM'), 15],
    [signaled('SIGBUS'), 10],
  ])('%j → %d', (outcome, status) => {
    expect(rawWaitStatus(outcome)).toBe(status);
  });
});

describe('status columns', () => {
  it('list: exit code, -N for a signal, 0 before any exit', () => {
    expect(
      [null, exited(0), exited(78), signaled('SIGKILL'), signaled('SIGTERM')].map(listStatusColumn),
    ).toEqual(['0', '0', '78', '-9', '-15']);
  });

  it('print <domain> services: - before any exit', () => {
    expect([null, exited(0), exited(1), signaled('SIGSEGV')].map(domainServicesExitColumn)).toEqual([
      '-',
      '0',
      '1',
      '-11',
    ]);
  });
});

describe('crash signals (KeepAlive Crashed)', () => {
  it.each(['SIGILL', 'SIGABRT', 'SIGFPE', 'SIGBUS', 'SIGSEGV', 'SIGSYS', 'SIGTRAP'])(
    '%s is a crash',
    (signal) => {
      expect(isCrash(signaled(signal))).toBe(true);
    },
  );

  it.each(['SIGTERM', 'SIGKILL', 'SIGHUP', 'SIGINT'])('%s is not', (signal) => {
    expect(isCrash(signaled(signal))).toBe(false);
  });

  it('an exit is never a crash', () => {
    expect(isCrash(exited(139))).toBe(false);
  });
});
