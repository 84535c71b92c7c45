import { describe, expect, it } from 'vitest';
import {
  lastExitFromColumn,
  parseDomainPrint,
  parseDomainServiceRow,
  parsePrintDisabled,
} from '../../../src-main/core/launchctl-parse-print-domain.ts';

const row = (pid: number, exit: string, label: string) =>
  `\t\t${String(pid).padStart(8)} ${exit.padStart(6)} \t${label}`;

describe('parseDomainPrint', () => {
  it('reads every services row and the disabled overrides', () => {
    const text = [
      'gui/501 = {',
      '\ttype = login',
      '\tsecurity context = {',
      '\t\tuid = 501',
      '\t}',
      '\tservices = {',
      row(0, '-', 'ai.openclaw.never'),
      row(812, '0', 'ai.openclaw.running'),
      row(0, '78', 'ai.openclaw.exconfig'),
      row(0, '-9', 'ai.openclaw.killed'),
      row(99, '(jt)', 'com.apple.marker'),
      '\t}',
      '',
      '\tendpoints = {',
      '\t\t     0x1090b    M   A   com.apple.VirtualDisplay',
      '\t}',
      '',
      '\tdisabled services = {',
      '\t\t"ai.openclaw.off" => disabled',
      '\t\t"ai.openclaw.on" => enabled',
      '\t}',
      '}',
    ].join('\n');
    expect(parseDomainPrint(text)).toEqual({
      services: [
        { label: 'ai.openclaw.never', pid: null, lastExit: { code: null, signal: null }, lastExitText: '-' },
        { label: 'ai.openclaw.running', pid: 812, lastExit: { code: 0, signal: null }, lastExitText: '0' },
        {
          label: 'ai.openclaw.exconfig',
          pid: null,
          lastExit: { code: 78, signal: null },
          lastExitText: '78',
        },
        { label: 'ai.openclaw.killed', pid: null, lastExit: { code: null, signal: 9 }, lastExitText: '-9' },
        { label: 'com.apple.marker', pid: 99, lastExit: { code: null, signal: null }, lastExitText: '(jt)' },
      ],
      disabled: { 'ai.openclaw.off': true, 'ai.openclaw.on': false },
    });
  });

  it('reads an empty services table as no jobs', () => {
    expect(parseDomainPrint('gui/501 = {\n\tservices = {\n\t}\n}\n')).toEqual({ services: [], disabled: {} });
  });

  it('returns null for output that has no services table', () => {
    expect(parseDomainPrint('')).toBeNull();
    expect(parseDomainPrint('gui/501/x = {\n\tstate = running\n}')).toBeNull();
  });
});

describe('parseDomainServiceRow', () => {
  it('rejects lines that are not rows', () => {
    expect(parseDomainServiceRow('[…]')).toBeNull();
    expect(parseDomainServiceRow('\t\t0x1c03 4 bootstrap x')).toBeNull();
  });
});

describe('lastExitFromColumn', () => {
  it.each([
    ['-', { code: null, signal: null }],
    ['0', { code: 0, signal: null }],
    ['78', { code: 78, signal: null }],
    ['-15', { code: null, signal: 15 }],
    ['(pe)', { code: null, signal: null }],
  ])('%s', (text, lastExit) => {
    expect(lastExitFromColumn(text)).toEqual(lastExit);
  });
});

describe('parsePrintDisabled', () => {
  it('accepts the older true/false spelling (true = disabled) and ignores other blocks', () => {
    const text = [
      '',
      '\tdisabled services = {',
      '\t\t"a.old.off" => true',
      '\t\t"a.old.on" => false',
      '\t}',
      '',
      '\tlogin item associations = {',
      '\t\t"a.login.item" => disabled',
      '\t}',
    ].join('\n');
    expect(parsePrintDisabled(text)).toEqual({ 'a.old.off': true, 'a.old.on': false });
  });

  it('returns null when there is no disabled services block', () => {
    expect(parsePrintDisabled('Usage: launchctl print-disabled <domain-target>')).toBeNull();
  });
});

describe('parsePrintDisabled without indentation', () => {
  it('keeps `"label" => value` entries at the opener’s column inside the block', () => {
    expect(parsePrintDisabled('disabled services = {\n"a.b" => disabled\n}')).toEqual({ 'a.b': true });
  });
});
