// Nothing the simulator starts may outlive the test that started it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLaunchdSim } from '../../helpers/launchd-sim.ts';
import { fixture, isGone, pidOf, waitFor, writePlist } from './sim-test-kit.ts';

function supervisorPid(dir: string): number {
  return (JSON.parse(readFileSync(`${dir}/supervisor.json`, 'utf8')) as { pid: number }).pid;
}

describe('simulator cleanup', () => {
  it('kills its jobs and exits when the owner process is gone', async () => {
    const sim = createLaunchdSim({ timeScale: 0.1 });
    const owner = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const env = { ...sim.env, LAUNCHD_SIM_OWNER_PID: String(owner.pid) };
      const plist = writePlist(sim.dir, 'owned', {
        Label: 'test.owned',
        ProgramArguments: [fixture('ignore-sigterm.sh')],
        KeepAlive: true,
      });
      expect(spawnSync(sim.launchctlPath, ['bootstrap', sim.domain, plist], { env }).status).toBe(0);
      const job = await waitFor(() => pidOf(sim, 'test.owned'), 'pid');
      const supervisor = supervisorPid(sim.dir);
      owner.kill('SIGKILL');
      await waitFor(() => isGone(job) && isGone(supervisor), 'job and supervisor gone', 3000);
    } finally {
      owner.kill('SIGKILL');
      await sim.shutdown();
    }
  });

  it('kills its jobs and exits when its state dir is removed', async () => {
    const sim = createLaunchdSim({ timeScale: 0.1 });
    try {
      const plist = writePlist(sim.dir, 'dir', {
        Label: 'test.dir',
        ProgramArguments: [fixture('run-for.sh')],
        RunAtLoad: true,
      });
      await sim.run(['bootstrap', sim.domain, plist]);
      const job = await waitFor(() => pidOf(sim, 'test.dir'), 'pid');
      const supervisor = supervisorPid(sim.dir);
      rmSync(sim.dir, { recursive: true, force: true });
      await waitFor(() => isGone(job) && isGone(supervisor), 'job and supervisor gone', 3000);
    } finally {
      await sim.shutdown();
    }
  });

  it('lets the helper kill the recorded process groups of a crashed supervisor', async () => {
    const sim = createLaunchdSim({ timeScale: 0.1 });
    const plist = writePlist(sim.dir, 'orphan', {
      Label: 'test.orphan',
      ProgramArguments: [fixture('ignore-sigterm.sh')],
      RunAtLoad: true,
    });
    await sim.run(['bootstrap', sim.domain, plist]);
    const job = await waitFor(() => pidOf(sim, 'test.orphan'), 'pid');
    process.kill(supervisorPid(sim.dir), 'SIGKILL');
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    expect(isGone(job)).toBe(false);
    await sim.shutdown();
    await waitFor(() => isGone(job), 'orphaned job killed', 2000);
  });
});
