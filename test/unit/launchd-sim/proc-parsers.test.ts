// Pure parts of proc-info: ps output (macOS/BSD and Linux procps shapes), backend choice, group
// membership, and the executable-header check that decides exec vs 78.
import { describe, expect, it } from 'vitest';
import { parsePsRows } from '../../launchd-sim/proc-ps.ts';
import { chooseProcBackend, groupMembersIn, isRunning } from '../../launchd-sim/proc-info.ts';
import { isExecutableHeader } from '../../launchd-sim/spawn-instance.ts';

describe('parsePsRows (ps -o pid= -o pgid= -o stat= -o lstart=)', () => {
  it.each([
    ['73021 73021 Ss   Wed Nov 25 11:46:50 2026\n', 73021, 'S', 'Wed Nov 25 11:46:50 2026'],
    ['  501   501 R+   Wed Nov 25 11:46:50 2026', 501, 'R', 'Wed Nov 25 11:46:50 2026'],
    ['73022 73021 Z    Thu Jan  1 00:00:00 1970', 73021, 'Z', 'Thu Jan 1 00:00:00 1970'],
    ['    1     0 S<Ll Wed Nov  5 08:02:25 2026', 0, 'S', 'Wed Nov 5 08:02:25 2026'],
    ['   88    88 U+   Mon Feb 02 09:05:07 2026  ', 88, 'U', 'Mon Feb 02 09:05:07 2026'],
  ])('%j', (line, pgrp, state, startTime) => {
    expect(parsePsRows(line)).toEqual([{ pid: Number(line.trim().split(' ')[0]), pgrp, state, startTime }]);
  });

  it('keeps the start time stable whatever padding ps chose', () => {
    const [a] = parsePsRows('1 1 S  Wed Nov  5 08:02:25 2026');
    const [b] = parsePsRows('1 1 Ss   Wed Nov 5 08:02:25 2026');
    expect(a?.startTime).toBe(b?.startTime);
  });

  it('reads a whole macOS-shaped table and skips what does not fit', () => {
    const text = [
      '    1     1 Ss   Wed Nov 25 08:02:25 2026',
      '73021 73021 S+   Wed Nov 25 11:46:50 2026',
      '73022 73021 Z    Wed Nov 25 11:46:51 2026',
      '73023 73021 S    Wed Nov 25 11:46:51 2026',
      '  PID  PGID STAT STARTED',
      '73024 73021 S',
      'garbage',
      '',
    ].join('\n');
    const rows = parsePsRows(text);
    expect(rows.map((row) => [row.pid, row.pgrp, row.state])).toEqual([
      [1, 1, 'S'],
      [73021, 73021, 'S'],
      [73022, 73021, 'Z'],
      [73023, 73021, 'S'],
    ]);
    expect(groupMembersIn(rows, 73021)).toEqual([73021, 73023]);
    expect(groupMembersIn(rows, 99)).toEqual([]);
  });

  it('answers nothing for no process (ps printed nothing)', () => {
    expect(parsePsRows('')).toEqual([]);
    expect(parsePsRows('\n')).toEqual([]);
  });
});

describe('groupMembersIn', () => {
  it('lists live members only, in pid order', () => {
    const row = (pid: number, pgrp: number, state: string) => ({ pid, pgrp, state, startTime: 't' });
    const rows = [row(9, 7, 'S'), row(7, 7, 'S'), row(8, 7, 'Z'), row(10, 11, 'R'), row(12, 7, 'X')];
    expect(groupMembersIn(rows, 7)).toEqual([7, 9]);
  });
});

describe('isRunning', () => {
  it('counts zombies and dead processes as not running', () => {
    expect(isRunning({ state: 'S', pgrp: 1, startTime: 'x' })).toBe(true);
    expect(isRunning({ state: 'Z', pgrp: 1, startTime: 'x' })).toBe(false);
    expect(isRunning({ state: 'X', pgrp: 1, startTime: 'x' })).toBe(false);
    expect(isRunning(null)).toBe(false);
  });
});

describe('chooseProcBackend', () => {
  it('uses /proc where it is readable, else ps, unless one is forced', () => {
    expect(chooseProcBackend(undefined, true)).toBe('proc');
    expect(chooseProcBackend('', true)).toBe('proc');
    expect(chooseProcBackend(undefined, false)).toBe('ps');
    expect(chooseProcBackend('ps', true)).toBe('ps');
    expect(chooseProcBackend('proc', false)).toBe('proc');
  });

  it('refuses an unknown override instead of silently picking one', () => {
    expect(() => chooseProcBackend('procfs', true)).toThrow(/"proc" or "ps"/);
  });
});

describe('isExecutableHeader', () => {
  const hex = (text: string) => Buffer.from(text, 'hex');
  it.each([
    ['#! script', Buffer.from('#!/bin/sh')],
    ['ELF', hex('7f454c46')],
    ['Mach-O 64-bit little-endian (arm64, x86_64)', hex('cffaedfe')],
    ['Mach-O 32-bit little-endian', hex('cefaedfe')],
    ['Mach-O big-endian', hex('feedfacf')],
    ['universal binary (/bin/sh on macOS)', hex('cafebabe')],
    ['universal binary, 64-bit offsets', hex('cafebabf')],
  ])('accepts %s', (_name, header) => {
    expect(isExecutableHeader(header)).toBe(true);
  });

  it.each([
    ['a script without #!', Buffer.from('echo')],
    ['one byte', Buffer.from('#')],
    ['an empty file', Buffer.alloc(0)],
  ])('refuses %s', (_name, header) => {
    expect(isExecutableHeader(header)).toBe(false);
  });
});
