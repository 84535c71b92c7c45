// Live simulator output (not just the formatters) against the grammar of the real captures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaunchdSim, type LaunchdSim } from '../../helpers/launchd-sim.ts';
import { readProcStat } from '../../launchd-sim/proc-info.ts';
import {
  captureLines,
  checkListDictionary,
  parsePrint,
  servicesRowWidths,
  sharedKeysInOrder,
  topLevelLayout,
} from '../../unit/launchd-sim/capture-grammar.ts';
import { fixture, pidOf, waitFor, writePlist } from './sim-test-kit.ts';

const lines = (text: string) => text.replace(/\n$/, '').split('\n');
let sim: LaunchdSim;
let pid: number;

beforeAll(async () => {
  sim = createLaunchdSim({ timeScale: 0.1 });
  const agent = writePlist(sim.dir, 'agent', {
    Label: 'test.agent',
    ProgramArguments: [fixture('run-for.sh'), '1000'],
    KeepAlive: { SuccessfulExit: false },
    WorkingDirectory: sim.dir,
    StandardOutPath: `${sim.dir}/agent.log`,
    StandardErrorPath: `${sim.dir}/agent.log`,
    EnvironmentVariables: { MODE: 'test' },
  });
  const idle = writePlist(sim.dir, 'idle', { Label: 'test.idle', Program: fixture('run-for.sh') });
  await sim.run(['bootstrap', sim.domain, agent, idle]);
  await sim.run(['disable', `${sim.domain}/test.other`]);
  pid = await waitFor(() => pidOf(sim, 'test.agent'), 'pid');
});

afterAll(async () => {
  await sim.shutdown();
});

describe('live output', () => {
  it('runs each job as the leader of its own process group', () => {
    expect(readProcStat(pid)?.pgrp).toBe(pid);
  });

  it('print <service-target>', async () => {
    const capture = topLevelLayout(
      parsePrint(captureLines('sample-resticprofile-print-user-agent-not-running-exit0.txt')),
    );
    for (const label of ['test.agent', 'test.idle']) {
      const layout = topLevelLayout(
        parsePrint(lines((await sim.run(['print', `${sim.domain}/${label}`])).stdout)),
      );
      const { shared, sameOrder } = sharedKeysInOrder(capture, layout);
      expect(sameOrder).toBe(true);
      for (const key of shared)
        expect(layout.find((entry) => entry.key === key)?.blankAfter, key).toBe(
          capture.find((entry) => entry.key === key)?.blankAfter,
        );
    }
  });

  it('print <domain-target>', async () => {
    const capture = captureLines('sample-pufferfish-print-gui-domain-abridged.txt').filter(
      (line) => line !== '[…]',
    );
    const output = lines((await sim.run(['print', sim.domain])).stdout);
    const { shared, sameOrder } = sharedKeysInOrder(
      topLevelLayout(parsePrint(capture)),
      topLevelLayout(parsePrint(output)),
    );
    expect(sameOrder).toBe(true);
    expect(shared).toContain('services');
    const captureWidths = servicesRowWidths(capture.find((line) => servicesRowWidths(line) !== null) ?? '');
    const rows = output.filter((line) => servicesRowWidths(line) !== null);
    expect(rows.map(servicesRowWidths)).toEqual([captureWidths, captureWidths]);
    expect(output).toContain('\t\t"test.other" => disabled');
  });

  it('list and list <label>', async () => {
    const header = captureLines('sample-lunchygo-list-table-header-elcapitan.txt').find((line) =>
      line.startsWith('PID'),
    );
    expect(lines((await sim.run(['list'])).stdout)).toEqual([
      header,
      `${pid}\t0\ttest.agent`,
      '-\t0\ttest.idle',
    ]);
    const captureKeys = checkListDictionary(captureLines('sample-homebrew-list-label-running.txt').slice(1));
    expect(checkListDictionary(lines((await sim.run(['list', 'test.agent'])).stdout))).toEqual(
      captureKeys.filter((key) => key !== 'LastExitStatus'),
    );
  });

  it('print-disabled', async () => {
    const capture = captureLines('sample-kipi-print-disabled-gui-darwin25.txt');
    const output = lines((await sim.run(['print-disabled', sim.domain])).stdout);
    expect(output.slice(0, 2)).toEqual(capture.slice(0, 2));
    expect(output[2]).toMatch(/^\t\t"test\.other" => disabled$/);
    expect(output[3]).toBe(capture.at(-1));
  });
});
