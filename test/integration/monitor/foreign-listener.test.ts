import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { logLineTime, waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

let squatter: Server | null = null;
// Registered before useMonitorFleet, so it runs after the monitor has stopped: freed earlier, the
// port would let the looping gateway come up under a monitor still watching.
afterEach(async () => {
  await new Promise((r) => (squatter === null ? r(null) : squatter.close(r)));
  squatter = null;
});
const fleet = useMonitorFleet({ timeScale: 0.2 });

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });
}

describe('monitor: another process holds the instance port', () => {
  // The gateway cannot bind, exits 1, and launchd respawns it into the same wall: that is a crash
  // loop, and the monitor says who holds the port from its own lsof scan, not only from the log.
  it('calls the bind failures a crash loop naming the foreign pid, and recovers once the port is free', async () => {
    const port = await freePort();
    squatter = await listen(port);
    const luca = await installInstance(fleet.env, 'luca', port);
    const watched = fleet.watch();
    watched.monitor.start();

    const loop = await watched.waitForEvent((e) => e.type === 'crash-loop', 15_000);
    const failedAt = logLineTime(luca.logPath, /Gateway failed to start: another gateway instance/, 'first');
    const holder = `port ${port} is held by pid ${process.pid}`;
    expect(loop.reason).toMatch(/exit 1|code 1/);
    expect(loop.reason).toContain(holder);
    const looping = await waitForHealth(watched, 'luca', 'crash-loop');
    expect(looping.reason).toContain(holder);
    for (const e of watched.events.filter((x) => x.type === 'exited'))
      expect(e.reason).toMatch(/^luca \(pid \d+\) exited with code 1: /);

    await new Promise((r) => squatter!.close(r));
    squatter = null;
    const freedAt = Date.now();
    const recovered = await watched.waitForEvent((e) => e.type === 'recovered', 15_000);
    const types = watched.events.map((e) => e.type);
    expect(types.filter((t) => t === 'crash-loop')).toHaveLength(1);
    expect(types.filter((t) => t !== 'exited')).toEqual(['crash-loop', 'recovered']);
    console.info(
      `latency: crash-loop ${loop.at - failedAt} ms after the first bind failure; recovered ${recovered.at - freedAt} ms after the port was freed`,
    );
  }, 40_000);
});
