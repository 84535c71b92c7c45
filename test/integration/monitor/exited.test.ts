import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFleetEnv, type FleetEnv } from '../../helpers/fleet-env.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { watchFleet, type WatchedFleet } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

let env: FleetEnv;
let watched: WatchedFleet | null = null;
beforeEach(() => {
  env = createFleetEnv({ timeScale: 0.05 });
});
afterEach(async () => {
  await watched?.monitor.stop();
  watched = null;
  await env.cleanup();
});

describe('monitor: a gateway killed with SIGKILL', () => {
  it('emits exited within a second, with the signal, then recovered after KeepAlive respawns it', async () => {
    const luca = await installInstance(env, 'luca', await freePort());
    watched = watchFleet(env, { settings: { intervalMs: 5000 } });
    watched.monitor.start();
    const healthy = await eventually(
      async () => watched!.monitor.snapshot(),
      (s) => s.instances[0]?.health === 'healthy',
    );
    const pid = healthy.instances[0]!.pid!;
    // The interval is 5 s: only the held connection's drop can make this fast.
    await new Promise((r) => setTimeout(r, 300));
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const exited = await watched.waitForEvent((e) => e.type === 'exited');
    const latency = exited.at - killedAt;
    expect(exited).toMatchObject({
      instance: 'luca',
      pid,
      snapshot: { pid, lastExit: { code: null, signal: 9 } },
    });
    expect(exited.reason).toMatch(/^luca \(pid \d+\) was killed by signal 9/);
    expect(latency).toBeLessThan(1000);
    const recovered = await watched.waitForEvent((e) => e.type === 'recovered', 15_000);
    expect(recovered.instance).toBe('luca');
    expect(watched.notifications.map((n) => `${n.kind}:${n.title}`)).toEqual([
      'new:luca exited',
      'update:luca recovered',
    ]);
    expect(luca.label).toBe('ai.openclaw.luca');
  });
});
