import { describe, expect, it } from 'vitest';
import { holdGatewayConnection } from '../../../src-main/platform/gateway-connection.ts';
import { sleep } from '../../e2e-cli/control-kit.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { freePort, waitForHealthz, waitForReadyz } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

describe('monitor: a held connection refused while the gateway starts', () => {
  it('waits for a regular check to re-dial (no quick checks); a drop of an open one still checks quickly', async () => {
    // The gateway answers connect with UNAVAILABLE for 3 s after it binds, as a real one starting does.
    const luca = await installInstance(fleet.env, 'luca', await freePort(), {
      knobs: { readyDelayMs: 3000 },
    });
    await waitForHealthz(luca.port);
    const states: string[] = [];
    const watched = fleet.watch({
      // Checks run when the test asks or a held connection reports, never on a timer.
      settings: { intervalMs: 60_000 },
      openConnection: (port, token, onChange) =>
        holdGatewayConnection(port, token, {
          onChange: (state) => {
            states.push(state.kind);
            onChange(state);
          },
        }),
    });
    const monitor = watched.monitor;
    monitor.start();
    await eventually(
      async () => states,
      (s) => s.includes('closed'),
    );
    expect(states).toEqual(['closed']);
    const refusedAt = monitor.stats().checks;
    await sleep(1000);
    // Before this change the refusal checked at once, then every 200 ms for 2 s: 5 or more here.
    expect(monitor.stats().checks - refusedAt).toBe(0);
    expect(monitor.snapshot().instances[0]?.layers.auth).toBe('skipped');

    await waitForReadyz(luca.port);
    const open = await eventually(
      async () => (await monitor.checkNow(), monitor.snapshot().instances[0]),
      (i) => i?.layers.auth === 'ok',
    );
    expect([open?.health, states.at(-1)]).toEqual(['healthy', 'open']);

    const beforeDrop = monitor.stats().checks;
    expect(
      (await fleet.env.sim.run(['kickstart', '-k', `${fleet.env.sim.domain}/${luca.label}`])).exitCode,
    ).toBe(0);
    await eventually(
      async () => states.at(-1),
      (s) => s === 'closed',
    );
    await sleep(1000);
    expect(monitor.stats().checks - beforeDrop).toBeGreaterThanOrEqual(3);
    expect(watched.events.map((e) => e.type)).toContain('exited');
  });
});
