// The simulator with process facts from ps, as on macOS, so that path runs in every CI: a job
// lifecycle, the group cleanup after a job exits, and the helper's cleanup after a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLaunchdSim, type LaunchdSim } from '../../helpers/launchd-sim.ts';
import { readGroupRecords } from '../../launchd-sim/group-registry.ts';
import { procBackend } from '../../launchd-sim/proc-info.ts';
import { stateFiles } from '../../launchd-sim/sim-config.ts';
import { fixture, isGone, pidOf, waitFor, writePlist } from './sim-test-kit.ts';

const sims: LaunchdSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.shutdown()));
});

function newSim(): LaunchdSim {
  const sim = createLaunchdSim({ timeScale: 0.1, procBackend: 'ps' });
  sims.push(sim);
  return sim;
}

const ps = procBackend('ps');
const recordedPgids = (sim: LaunchdSim) =>
  readGroupRecords(stateFiles(sim.dir).liveGroups).map((r) => r.pgid);

describe('simulator on the ps backend', () => {
  it('bootstraps, respawns a killed job, and boots it out', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'kept', {
      Label: 'test.kept',
      ProgramArguments: [fixture('run-for.sh')],
      KeepAlive: true,
      ThrottleInterval: 1,
    });
    expect((await sim.run(['bootstrap', sim.domain, plist])).exitCode).toBe(0);
    const first = await waitFor(() => pidOf(sim, 'test.kept'), 'first pid');
    expect(readFileSync(stateFiles(sim.dir).supervisorLog, 'utf8')).toContain('process facts from ps');
    // The record holds ps's lstart, so only the ps backend can match it.
    const [record] = readGroupRecords(stateFiles(sim.dir).liveGroups);
    expect(record).toEqual({ pgid: first, startTime: ps.readStat(first)?.startTime, label: 'test.kept' });
    expect(record?.startTime).toMatch(/^\w{3} \w{3} +\d+ \d\d:\d\d:\d\d \d{4}$/);

    process.kill(first, 'SIGKILL');
    const second = await waitFor(async () => {
      const pid = await pidOf(sim, 'test.kept');
      return pid !== undefined && pid !== first ? pid : undefined;
    }, 'respawn');
    expect(ps.readStat(second)?.pgrp).toBe(second);
    await waitFor(() => recordedPgids(sim).join() === String(second), 'dead group pruned');

    expect((await sim.run(['bootout', `${sim.domain}/test.kept`])).exitCode).toBe(0);
    await waitFor(() => isGone(second), 'booted-out job gone');
    await waitFor(() => recordedPgids(sim).length === 0, 'group record pruned');
  });

  it('SIGTERMs what is left of the group when the job exits', async () => {
    const sim = newSim();
    const pidFile = join(sim.dir, 'grandchild.pid');
    const plist = writePlist(sim.dir, 'leaver', {
      Label: 'test.leaver',
      ProgramArguments: [fixture('leave-grandchild.sh'), pidFile],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const grandchild = await waitFor(() => {
      try {
        return Number(readFileSync(pidFile, 'utf8'));
      } catch {
        return undefined;
      }
    }, 'grandchild pid');
    await waitFor(() => isGone(grandchild), 'grandchild SIGTERMed', 3000);
  });

  it('lets the helper kill the recorded groups of a crashed supervisor', async () => {
    const sim = newSim();
    const plist = writePlist(sim.dir, 'orphan', {
      Label: 'test.orphan',
      ProgramArguments: [fixture('ignore-sigterm.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const job = await waitFor(() => pidOf(sim, 'test.orphan'), 'pid');
    const supervisor = JSON.parse(readFileSync(stateFiles(sim.dir).supervisor, 'utf8')) as { pid: number };
    process.kill(supervisor.pid, 'SIGKILL');
    await waitFor(() => isGone(supervisor.pid), 'supervisor gone');
    expect(isGone(job)).toBe(false);
    await sim.shutdown();
    await waitFor(() => isGone(job), 'orphaned job killed', 2000);
  });
});
