// monitor.configure: what the app's Settings view changes takes effect on the running monitor.
import { describe, expect, it } from 'vitest';
import { FLEET_EVENT_TYPES, type FleetEventType } from '../../../src-main/shared/health-state.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('monitor.configure', () => {
  it('a shorter interval applies at once, not after the longer one has run out', async () => {
    const watched = fleet.watch({ settings: { intervalMs: 60_000 } });
    watched.monitor.start();
    await eventually(
      async () => watched.monitor.stats().checks,
      (n) => n >= 1,
    );
    await sleep(1500);
    const slow = watched.monitor.stats().checks;
    expect(slow).toBe(1);

    watched.monitor.configure({ settings: { intervalMs: 300 } });
    const fast = await eventually(
      async () => watched.monitor.stats().checks,
      (n) => n >= slow + 3,
    );
    expect(fast).toBeGreaterThanOrEqual(slow + 3);
  });

  it('a notification switched off is still an event, but no longer a notification', async () => {
    await installInstance(fleet.env, 'luca', await freePort());
    const watched = fleet.watch({ settings: { intervalMs: 500 } });
    watched.monitor.start();
    const healthy = await eventually(
      async () => watched.monitor.snapshot(),
      (s) => s.instances[0]?.health === 'healthy',
    );
    const enabled = Object.fromEntries(FLEET_EVENT_TYPES.map((t) => [t, t !== 'exited']));
    watched.monitor.configure({ notifications: { enabled: enabled as Record<FleetEventType, boolean> } });

    process.kill(healthy.instances[0]!.pid!, 'SIGKILL');
    await watched.waitForEvent((e) => e.type === 'exited');
    await watched.waitForEvent((e) => e.type === 'recovered', 15_000);
    expect(watched.events.map((e) => e.type)).toEqual(['exited', 'recovered']);
    // With the switch on this is 'new:luca exited' then 'update:luca recovered' (exited.test.ts); with
    // it off no incident opens, so there is nothing for `recovered` to close either.
    expect(watched.notifications).toEqual([]);
  });
});
