import { afterEach, describe, expect, it } from 'vitest';
import {
  holdGatewayConnection,
  type GatewayConnection,
} from '../../../src-main/platform/gateway-connection.ts';
import { sleep } from '../../e2e-cli/control-kit.ts';
import { installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort, waitForReadyz } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();
let release: () => void = () => {};
// Runs before the monitor stops (registered after useMonitorFleet): a stop waits for a check
// held at the gate.
afterEach(() => release());

describe('monitor: stop', () => {
  it('leaves no gateway connection open, even when a check was under way', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    await waitForReadyz(luca.port);
    const connections: Array<{ conn: GatewayConnection; closed: boolean }> = [];
    let gate: Promise<void> | null = null;
    const watched = fleet.watch({
      wrap: (ctx) => ({
        ...ctx,
        scanListeners: async () => {
          await gate;
          return ctx.scanListeners();
        },
      }),
      openConnection: (port, token, onChange) => {
        const entry = { conn: holdGatewayConnection(port, token, { onChange }), closed: false };
        connections.push(entry);
        return {
          port,
          token,
          state: () => entry.conn.state(),
          close: () => ((entry.closed = true), entry.conn.close()),
        };
      },
    });
    const monitor = watched.monitor;
    monitor.start();
    await waitForHealth(watched, 'luca', 'healthy');
    await sleep(300);
    expect(connections.map((c) => c.conn.state().kind)).toEqual(['open']);

    // Stop while a check waits for lsof; that check ends after the stop began.
    gate = new Promise((resolve) => (release = resolve));
    const checking = monitor.checkNow();
    const stopping = monitor.stop();
    release();
    await Promise.all([checking, stopping]);
    await sleep(300);
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.filter((c) => !c.closed).map((c) => c.conn.state().kind)).toEqual([]);
    // And nothing checks any more: a death goes unseen by a stopped monitor.
    const checks = monitor.stats().checks;
    process.kill(watched.monitor.snapshot().instances[0]!.pid!, 'SIGKILL');
    await sleep(800);
    expect(monitor.stats().checks).toBe(checks);
    expect(watched.events).toEqual([]);
  });
});
