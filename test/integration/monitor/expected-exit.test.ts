import { describe, expect, it } from 'vitest';
import { announceExit } from '../../../src-main/fleet/announce-exit.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

describe('monitor: a restart the product runs', () => {
  it('raises no exited event and no notification, while an unannounced kickstart -k does', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    const watched = fleet.watch();
    watched.monitor.start();
    const healthy = () =>
      eventually(
        async () => watched.monitor.snapshot(),
        (s) => s.instances[0]?.health === 'healthy' && s.instances[0].uptimeMs !== 0,
      );
    const first = (await healthy()).instances[0]!.pid;

    // What restartInstance does before touching launchd (announced-exit.test.ts runs the real restart).
    expect(await announceExit(watched.ctx, 'luca', first, 'restart')).toEqual([]);
    expect(
      (await fleet.env.sim.run(['kickstart', '-k', `${fleet.env.sim.domain}/${luca.label}`])).exitCode,
    ).toBe(0);
    const second = await eventually(
      async () => watched.monitor.snapshot(),
      (s) => s.instances[0]?.health === 'healthy' && s.instances[0].pid !== first,
    );
    expect(second.instances[0]!.pid).not.toBe(first);
    expect(watched.events.filter((e) => e.type === 'exited')).toEqual([]);
    expect(watched.notifications).toEqual([]);

    expect(
      (await fleet.env.sim.run(['kickstart', '-k', `${fleet.env.sim.domain}/${luca.label}`])).exitCode,
    ).toBe(0);
    const exited = await watched.waitForEvent((e) => e.type === 'exited');
    expect(exited.pid).toBe(second.instances[0]!.pid);
  });
});
