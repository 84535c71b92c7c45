import { describe, expect, it } from 'vitest';
import { installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

describe('monitor: a gateway that parks its own LaunchAgent', () => {
  it('emits crash-loop with the parked reason and shows the instance down', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    const watched = fleet.watch();
    watched.monitor.start();
    const pid = (await waitForHealth(watched, 'luca', 'healthy')).pid!;
    // Older than the (scaled) ThrottleInterval: its exit is respawned at once, not `spawn scheduled`
    // (which is a crash loop of its own).
    await new Promise((r) => setTimeout(r, 600));

    // What the real gateway does on state-dir contention (the stub never drives launchctl): it
    // exits, disabling and booting out its own label so that KeepAlive stops respawning it.
    process.kill(pid, 'SIGTERM');
    const target = `${fleet.env.sim.domain}/${luca.label}`;
    for (const verb of ['disable', 'bootout']) {
      const result = await fleet.env.sim.run([verb, target]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    const parkedAt = Date.now();

    const event = await watched.waitForEvent((e) => e.type === 'crash-loop');
    expect(event.instance).toBe('luca');
    expect(event.reason).toMatch(/^parked: ai\.openclaw\.luca is disabled and not loaded/);
    const down = await waitForHealth(watched, 'luca', 'down');
    expect(down.reason).toMatch(/^parked: /);
    expect(down.pid).toBeNull();
    // Nothing else: no recovery, no second crash-loop, and the monitor did not bring it back.
    await new Promise((r) => setTimeout(r, 1000));
    expect(watched.events.filter((e) => e.type !== 'exited').map((e) => e.type)).toEqual(['crash-loop']);
    expect((await fleet.env.sim.run(['print', target])).exitCode).toBe(113);
    console.info(`latency: crash-loop (parked) ${event.at - parkedAt} ms after the bootout returned`);
  });
});
