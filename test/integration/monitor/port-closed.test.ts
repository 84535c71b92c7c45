import { describe, expect, it } from 'vitest';
import { sleep } from '../../e2e-cli/control-kit.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort, getProbe } from '../../helpers/stub-gateway.ts';

const GRACE_MS = 600;

const fleet = useMonitorFleet();

describe('monitor: a gateway whose port closes while its process lives on', () => {
  it('emits port-closed once the port stays closed for the grace window, naming the pid and port', async () => {
    const port = await freePort();
    await installInstance(fleet.env, 'luca', port, { knobs: { closePortAfterMs: 1500 } });
    const watched = fleet.watch({ settings: { graceMs: GRACE_MS } });
    watched.monitor.start();
    const pid = (await waitForHealth(watched, 'luca', 'healthy')).pid!;

    // The moment the port closed, seen from outside.
    await eventually(
      () => getProbe(port, '/healthz'),
      (answer) => answer === null,
    );
    const closedAt = Date.now();
    const event = await watched.waitForEvent((e) => e.type === 'port-closed');
    expect(event).toMatchObject({ instance: 'luca', pid });
    expect(event.reason).toBe(`pid ${pid} is alive but port ${port} is not listening`);
    const latency = event.at - closedAt;
    console.info(`latency: port-closed ${latency} ms after the port closed (grace ${GRACE_MS} ms)`);
    // Hysteresis: never before the grace window, and not much after it (the drop checks at once).
    // (The port is seen closed from outside up to ~150 ms after the monitor saw it.)
    expect(latency).toBeGreaterThanOrEqual(GRACE_MS - 150);
    expect(latency).toBeLessThan(GRACE_MS + 1000);

    const now = await waitForHealth(watched, 'luca', 'degraded');
    expect(now.pid).toBe(pid);
    expect(now.reason).toBe(event.reason);
    // Still closed a while later: one event for the incident, and nothing restarted the gateway.
    await sleep(1000);
    expect(watched.events.map((e) => e.type)).toEqual(['port-closed']);
    expect(watched.monitor.snapshot().instances[0]?.pid).toBe(pid);
  });

  it('ignores a listener missing from a single scan: a blip shorter than the grace window', async () => {
    const port = await freePort();
    await installInstance(fleet.env, 'luca', port);
    // lsof misses the gateway's listener once: a blip the stub cannot produce by itself.
    let hide = 0;
    let hidden = 0;
    const watched = fleet.watch({
      settings: { graceMs: GRACE_MS },
      wrap: (ctx) => ({
        ...ctx,
        async scanListeners() {
          const scan = await ctx.scanListeners();
          if (!scan.ok || hide === 0) return scan;
          hide--;
          hidden++;
          return { ok: true, listeners: scan.listeners.filter((l) => l.port !== port) };
        },
      }),
    });
    const monitor = watched.monitor;
    monitor.start();
    await waitForHealth(watched, 'luca', 'healthy');

    hide = 1;
    await eventually(
      async () => (await monitor.checkNow(), hidden),
      (n) => n === 1,
    );
    // The next check sees the listener again; later ones have nothing to report.
    await sleep(GRACE_MS + 500);
    expect(hidden).toBe(1);
    expect(watched.events).toEqual([]);
    expect(monitor.snapshot().instances[0]?.health).toBe('healthy');
  });
});
