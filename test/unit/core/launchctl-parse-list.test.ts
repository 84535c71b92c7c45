import { describe, expect, it } from 'vitest';
import {
  decodeWaitStatus,
  listedJobFromDump,
  parseListLabelDump,
} from '../../../src-main/core/launchctl-parse-list-label.ts';
import { parseListTable } from '../../../src-main/core/launchctl-parse-list.ts';

describe('parseListTable', () => {
  it('reads signal deaths as negative statuses and skips the header and unrelated lines', () => {
    const text =
      'PID\tStatus\tLabel\n-\t-15\ta.terminated\n4711\t-9\ta.killed-then-respawned\nnot a row\n-\t0\ta label with spaces\n';
    expect(parseListTable(text)).toEqual([
      { label: 'a.terminated', pid: null, lastExit: { code: null, signal: 15 }, statusText: '-15' },
      { label: 'a.killed-then-respawned', pid: 4711, lastExit: { code: null, signal: 9 }, statusText: '-9' },
      { label: 'a label with spaces', pid: null, lastExit: { code: 0, signal: null }, statusText: '0' },
    ]);
  });

  it('reads an empty table as no rows', () => {
    expect(parseListTable('PID\tStatus\tLabel\n')).toEqual([]);
  });
});

describe('decodeWaitStatus', () => {
  it.each([
    [0, { code: 0, signal: null }],
    [256, { code: 1, signal: null }],
    [19968, { code: 78, signal: null }],
    [9, { code: null, signal: 9 }],
    [15, { code: null, signal: 15 }],
    // WCOREFLAG (0x80) set: a SIGSEGV that dumped core.
    [0x8b, { code: null, signal: 11 }],
  ])('%i', (raw, lastExit) => {
    expect(decodeWaitStatus(raw)).toEqual(lastExit);
  });
});

describe('parseListLabelDump', () => {
  it('reads the running PID, a signal death, nested dictionaries and escaped quotes', () => {
    const text = [
      '{',
      '\t"Label" = "a.b";',
      '\t"LastExitStatus" = 9;',
      '\t"PID" = 321;',
      '\t"MachServices" = {',
      '\t\t"a.b.port" = mach-port-object;',
      '\t};',
      '\t"Program" = "/bin/say \\"hi\\"";',
      '};',
    ].join('\n');
    const dump = parseListLabelDump(text);
    expect(dump).toEqual({
      Label: 'a.b',
      LastExitStatus: 9,
      PID: 321,
      MachServices: { 'a.b.port': 'mach-port-object' },
      Program: '/bin/say "hi"',
    });
    expect(listedJobFromDump(dump ?? {})).toMatchObject({
      pid: 321,
      lastExit: { code: null, signal: 9 },
      rawLastExitStatus: 9,
    });
  });

  it('reads a job that never exited as having no last exit', () => {
    const dump = parseListLabelDump('{\n\t"Label" = "a.b";\n};');
    expect(listedJobFromDump(dump ?? {})).toMatchObject({
      lastExit: { code: null, signal: null },
      rawLastExitStatus: null,
    });
  });

  it('returns null for text without a dictionary', () => {
    expect(parseListLabelDump('Could not find service "a.b" in domain for port')).toBeNull();
  });
});
