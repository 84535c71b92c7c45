import { describe, expect, it } from 'vitest';
import type { Transition } from '../../../src-main/core/monitor/monitor-types.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

describe('monitor: a gateway whose /healthz fails while its port is open', () => {
  it('probes it less and less often, stays degraded in between, and is healthy once it answers again', async () => {
    await installInstance(fleet.env, 'luca', await freePort());
    // The stub always answers /healthz; the failure is injected where the monitor probes.
    let failing = false;
    let failedProbes = 0;
    const watched = fleet.watch({
      // Counting checks: a short interval keeps the test short. A routine probe at every check, held
      // connection or not (held-healthz.test.ts covers the 12 s period): this test is the back-off.
      settings: { intervalMs: 250, heldHealthzIntervalMs: 1 },
      wrap: (ctx) => ({
        ...ctx,
        probeHealthz: async (port) => {
          if (!failing) return ctx.probeHealthz(port);
          failedProbes++;
          return { ok: false, error: '/healthz answered HTTP 500' };
        },
      }),
    });
    const monitor = watched.monitor;
    monitor.start();
    await waitForHealth(watched, 'luca', 'healthy');
    const transitions: Transition[] = [];
    monitor.onTransition((_, t) => transitions.push(t));

    failing = true;
    const from = monitor.stats().checks;
    await eventually(
      async () => monitor.stats().checks,
      (n) => n >= from + 6,
    );
    const checks = monitor.stats().checks - from;
    // One change, not one per skipped probe: a probe skipped by the back-off is no pass.
    expect(transitions.map((t) => [t.from, t.to, t.reason])).toEqual([
      ['healthy', 'degraded', '/healthz answered HTTP 500'],
    ]);
    expect(failedProbes).toBeGreaterThanOrEqual(2);
    expect(failedProbes).toBeLessThan(checks);

    failing = false;
    await waitForHealth(watched, 'luca', 'healthy');
    expect(transitions.map((t) => t.to)).toEqual(['degraded', 'healthy']);
    expect(watched.events).toEqual([]);
    console.info(`healthz back-off: ${failedProbes} probes in ${checks} checks while failing`);
  });
});
