import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { waitForHealth, type WatchedFleet } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const CLI = new URL('../../../src-main/cli/main.ts', import.meta.url).pathname;

const fleet = useMonitorFleet();

/** `openclaw-fleet <command> <name>` in a process of its own, as typed in a terminal while the app runs. */
async function cliProcess(command: string, name: string): Promise<string> {
  const args = [CLI, command, name, '--root', fleet.env.root, '--agents-dir', fleet.env.agentsDir];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...args, '--launchctl', fleet.env.sim.launchctlPath],
    {
      env: { ...process.env, ...fleet.env.sim.env, HOME: fleet.env.home },
      timeout: 60_000,
    },
  );
  return stdout;
}

async function healthyLuca(w: WatchedFleet) {
  return eventually(
    async () => w.monitor.snapshot().instances[0],
    (i) => i?.health === 'healthy' && i.uptimeMs !== 0 && i.layers.auth === 'ok',
  );
}

describe('monitor: a restart or stop run by another process of the product', () => {
  it('is no exited event nor a crash-loop step; an unannounced kickstart -k still is', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    const w = fleet.watch();
    w.monitor.start();
    const first = (await healthyLuca(w))!.pid;

    // A CLI process of its own: the monitor learns of the restart only through <root>/.fleet.
    expect(await cliProcess('restart', 'luca')).toMatch(/^restarted ai\.openclaw\.luca: pid \d+ -> \d+/);
    const second = await eventually(
      async () => w.monitor.snapshot().instances[0],
      (i) => i?.health === 'healthy' && i.pid !== first,
    );
    expect(second?.pid).not.toBe(first);
    // What told it: one small record per instance naming the pid that was to end, 0600, no temp left.
    const intents = join(fleet.env.root, '.fleet', 'intents');
    expect(readdirSync(intents)).toEqual(['luca.json']);
    expect(statSync(join(intents, 'luca.json')).mode & 0o777).toBe(0o600);
    const record = JSON.parse(readFileSync(join(intents, 'luca.json'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ name: 'luca', pid: first, operation: 'restart' });
    expect(record.until).toBeGreaterThan(Date.now());
    // The same through the in-process CLI (its own context, no link to this monitor).
    expect((await fleet.env.cli(['restart', 'luca'])).exitCode).toBe(0);
    const third = await eventually(
      async () => w.monitor.snapshot().instances[0],
      (i) => i?.health === 'healthy' && i.pid !== second?.pid,
    );
    expect(third?.pid).not.toBe(second?.pid);
    expect(w.events).toEqual([]);
    expect(w.notifications).toEqual([]);
    expect(third?.restartsLastHour).toBe(0);

    expect(
      (await fleet.env.sim.run(['kickstart', '-k', `${fleet.env.sim.domain}/${luca.label}`])).exitCode,
    ).toBe(0);
    const exited = await w.waitForEvent((e) => e.type === 'exited');
    expect(exited.pid).toBe(third?.pid);
    const after = await waitForHealth(w, 'luca', 'healthy');
    expect(after.restartsLastHour).toBe(1);
  });

  // The simulator drops a booted-out job from its list as its process ends, so today's stop raised
  // nothing here either; launchd may list the job a moment longer, and the stop announces its exit.
  it('a stop from another process ends the process without an exited event', async () => {
    await installInstance(fleet.env, 'luca', await freePort());
    const w = fleet.watch();
    w.monitor.start();
    const healthy = await healthyLuca(w);

    expect(await cliProcess('stop', 'luca')).toMatch(/^stopped ai\.openclaw\.luca/);
    const stopped = await waitForHealth(w, 'luca', 'stopped');
    expect(stopped.pid).toBeNull();
    const record = readFileSync(join(fleet.env.root, '.fleet', 'intents', 'luca.json'), 'utf8');
    expect(JSON.parse(record)).toMatchObject({ name: 'luca', pid: healthy?.pid, operation: 'stop' });
    // A few more checks of the stopped instance: nothing is raised late either.
    const checks = w.monitor.stats().checks;
    await eventually(
      async () => w.monitor.stats().checks,
      (n) => n >= checks + 3,
    );
    expect(w.events).toEqual([]);
    expect(w.notifications).toEqual([]);
  });
});
