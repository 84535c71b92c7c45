// The simulator's output formats against the line grammar of real macOS captures.
import { describe, expect, it } from 'vitest';
import { formatListLabel, formatListTable } from '../../launchd-sim/format-list.ts';
import { formatPrintDisabled } from '../../launchd-sim/format-print-disabled.ts';
import { formatPrintDomain } from '../../launchd-sim/format-print-domain.ts';
import { formatPrintService } from '../../launchd-sim/format-print-service.ts';
import {
  captureLines,
  checkListDictionary,
  parsePrint,
  servicesRowWidths,
  sharedKeysInOrder,
  topLevelLayout,
} from './capture-grammar.ts';
import { idleAgent, runningAgent } from './sample-views.ts';

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('print <service-target>', () => {
  const restic = captureLines('sample-resticprofile-print-user-agent-not-running-exit0.txt');
  const captureLayout = topLevelLayout(parsePrint(restic));

  it('the checker accepts the full macOS 15 capture', () => {
    expect(captureLayout.map((entry) => entry.key)).toContain('last exit code');
  });

  it.each([
    ['a running agent with every optional field', runningAgent()],
    ['an idle agent with none', idleAgent()],
  ])('%s follows the capture grammar', (_name, view) => {
    const output = lines(formatPrintService(view));
    const parsed = parsePrint(output);
    // Header is `<domain>/<uid>/<label> = {`, like the capture's `user/503/<label> = {`.
    const captureTarget = (parsePrint(restic)[0] as { target: string }).target;
    expect(captureTarget).toMatch(/^user\/\d+\/\S+$/);
    expect(parsed[0]).toEqual({ kind: 'header', target: `gui/${view.uid}/${view.label}` });
    const layout = topLevelLayout(parsed);
    const { shared, sameOrder } = sharedKeysInOrder(captureLayout, layout);
    expect(sameOrder).toBe(true);
    expect(shared.length).toBeGreaterThanOrEqual(18);
    // Blank lines separate the same groups as on macOS.
    for (const key of shared) {
      expect(layout.find((entry) => entry.key === key)?.blankAfter, `blank line after ${key}`).toBe(
        captureLayout.find((entry) => entry.key === key)?.blankAfter,
      );
    }
  });

  it('keeps the trailing space of an empty properties line, as the capture does', () => {
    expect(restic).toContain('\tproperties = ');
    expect(lines(formatPrintService(idleAgent()))).toContain('\tproperties = ');
  });

  it('prints a program without arguments block the way the Ventura capture does', () => {
    const ventura = topLevelLayout(
      parsePrint(
        captureLines('sample-pylaunchd-print-user-xpcservice-not-running-ventura.txt').concat([
          '\t\t}',
          '\t}',
          '}',
        ]),
      ),
    );
    const idle = topLevelLayout(parsePrint(lines(formatPrintService(idleAgent()))));
    expect(sharedKeysInOrder(ventura, idle).sameOrder).toBe(true);
    expect(ventura.find((entry) => entry.key === 'program')?.blankAfter).toBe(false);
    expect(idle.find((entry) => entry.key === 'program')?.blankAfter).toBe(false);
  });

  it('renders values in the shapes seen in captures', () => {
    const output = lines(formatPrintService(runningAgent({ lastExit: { kind: 'exited', code: 78 } })));
    expect(output).toContain(
      captureLines('sample-skhd-print-fragment-exit78-exconfig.txt')
        .find((line) => line.startsWith('last exit code'))
        ?.replace(/^/, '\t'),
    );
    const environment = parsePrint(output).filter((item) => item.kind === 'map-entry');
    expect(environment.map((item) => (item as { key: string }).key)).toContain('XPC_SERVICE_NAME');
    const argumentsBlock = parsePrint(restic).filter((item) => item.kind === 'item');
    expect(argumentsBlock.length).toBeGreaterThan(0);
    expect(
      parsePrint(output)
        .filter((item) => item.kind === 'item')
        .map((item) => (item as { text: string }).text),
    ).toEqual(runningAgent().arguments);
  });
});

describe('print <domain-target>', () => {
  const capture = captureLines('sample-pufferfish-print-gui-domain-abridged.txt').filter(
    (line) => line !== '[…]',
  );
  const captureLayout = topLevelLayout(parsePrint(capture));
  const output = lines(
    formatPrintDomain({
      uid: 501,
      asid: 100017,
      creatorPid: 536,
      services: [
        runningAgent(),
        idleAgent(),
        runningAgent({ label: 'exited.one', pid: undefined, lastExit: { kind: 'exited', code: 78 } }),
      ],
      disabled: [
        ['com.example.off', true],
        ['com.example.on', false],
      ],
    }),
  );

  it('has the header, key order and grouping of the capture', () => {
    const parsed = parsePrint(output);
    expect(parsed[0]).toEqual({ kind: 'header', target: 'gui/501' });
    expect(capture[0]).toBe('gui/501 = {');
    const layout = topLevelLayout(parsed);
    const { shared, sameOrder } = sharedKeysInOrder(captureLayout, layout);
    expect(sameOrder).toBe(true);
    expect(shared).toEqual(captureLayout.map((entry) => entry.key));
    for (const key of shared) {
      expect(layout.find((entry) => entry.key === key)?.blankAfter, key).toBe(
        captureLayout.find((entry) => entry.key === key)?.blankAfter,
      );
    }
  });

  it('lays out services rows with the column widths of every tab-exact capture', () => {
    const captureRows = [
      ...capture.filter((line) => servicesRowWidths(line) !== null),
      ...captureLines('sample-homebrew-print-system-services-row-and-invalid-plist.txt').filter((line) =>
        line.startsWith('\t\t'),
      ),
    ];
    expect(captureRows.length).toBeGreaterThanOrEqual(3);
    const widths = new Set(captureRows.map((line) => JSON.stringify(servicesRowWidths(line))));
    expect(widths.size).toBe(1);
    const simRows = output.filter((line) => /^\t\t +\d+ /.test(line));
    expect(simRows).toHaveLength(3);
    for (const row of simRows) expect(JSON.stringify(servicesRowWidths(row))).toBe([...widths][0]);
    expect(simRows[1]).toMatch(/^\t\t +0 +- \tcom\.example\.idle$/);
    expect(simRows[0]).toMatch(/ +-9 \t/);
  });

  it('lists overrides in the disabled services block like the capture', () => {
    const entry = /^\t\t"[^"]+" => (disabled|enabled)$/;
    expect(capture.filter((line) => entry.test(line)).length).toBeGreaterThan(0);
    expect(output).toContain('\t\t"com.example.off" => disabled');
    expect(output).toContain('\t\t"com.example.on" => enabled');
  });
});

describe('list', () => {
  const header = captureLines('sample-lunchygo-list-table-header-elcapitan.txt').find((line) =>
    line.startsWith('PID'),
  );
  const rowShape = (line: string) => {
    const fields = line.split('\t');
    return (
      fields.length === 3 &&
      /^(-|\d+)$/.test(fields[0] ?? '') &&
      /^-?\d+$/.test(fields[1] ?? '') &&
      (fields[2] ?? '') !== ''
    );
  };

  it('uses the header and row shape of the captures', () => {
    expect(captureLines('sample-santa-sudo-list-table-header.txt')).toContain(header);
    const captureRows = [
      ...captureLines('sample-lunchygo-list-table-header-elcapitan.txt').filter(
        (line) => !line.startsWith('PID') && !line.startsWith('~'),
      ),
      ...captureLines('sample-homebrew-list-table-exit78.txt').filter((line) => !line.startsWith('$')),
    ];
    expect(captureRows.every(rowShape)).toBe(true);
    const output = lines(
      formatListTable([
        runningAgent(),
        idleAgent(),
        runningAgent({ label: 'failed.one', pid: undefined, lastExit: { kind: 'exited', code: 78 } }),
      ]),
    );
    expect(output[0]).toBe(header);
    expect(output.slice(1).every(rowShape)).toBe(true);
    expect(output.slice(1)).toEqual([
      '4242\t-9\tai.openclaw.luca',
      '-\t0\tcom.example.idle',
      '-\t78\tfailed.one',
    ]);
  });

  it('prints only the header for an empty domain', () => {
    expect(formatListTable([])).toBe(`${header}\n`);
  });
});

describe('list <label>', () => {
  const capture = captureLines('sample-homebrew-list-label-running.txt').filter(
    (line) => !line.startsWith('==>'),
  );

  it('follows the dictionary grammar and key order of the macOS 13/14 capture', () => {
    const captureKeys = checkListDictionary(capture);
    expect(
      checkListDictionary(captureLines('sample-autopkgr-list-label-dict-system-session.txt').slice(2)),
    ).toContain('LastExitStatus');
    const running = runningAgent({ stdoutPath: '/tmp/out.log', stderrPath: '/tmp/err.log' });
    const keys = checkListDictionary(lines(formatListLabel(running)));
    expect(keys).toEqual(captureKeys);
    expect(keys.filter((key) => captureKeys.includes(key))).toEqual(
      captureKeys.filter((key) => keys.includes(key)),
    );
  });

  it('omits PID when not running and LastExitStatus before the first exit', () => {
    const keys = checkListDictionary(lines(formatListLabel(idleAgent())));
    expect(keys).not.toContain('PID');
    expect(keys).not.toContain('LastExitStatus');
    expect(keys).toEqual(['LimitLoadToSessionType', 'Label', 'OnDemand', 'Program']);
  });
});

describe('print-disabled', () => {
  it('has the layout of the macOS 26 capture, followed by the login item block', () => {
    const capture = captureLines('sample-kipi-print-disabled-gui-darwin25.txt');
    const output = lines(
      formatPrintDisabled([
        ['com.cole.content-brain', true],
        ['com.docker.helper', false],
      ]),
    );
    const entry = /^\t\t"[^"]+" => (enabled|disabled)$/;
    expect(capture[0]).toBe('');
    expect(output[0]).toBe('');
    expect(output[1]).toBe(capture[1]);
    expect(capture.slice(2, -1).every((line) => entry.test(line))).toBe(true);
    expect(output.slice(2, 4).every((line) => entry.test(line))).toBe(true);
    expect(output[4]).toBe(capture.at(-1));
    expect(output.slice(5)).toEqual(['', '\tlogin item associations = {', '\t}']);
  });
});
