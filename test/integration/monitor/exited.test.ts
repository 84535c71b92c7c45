import { describe, expect, it } from 'vitest';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

describe('monitor: a gateway killed with SIGKILL', () => {
  it('emits exited within a second, with the signal, then recovered after KeepAlive respawns it', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    const watched = fleet.watch({ settings: { intervalMs: 5000 } });
    watched.monitor.start();
    const healthy = await eventually(
      async () => watched.monitor.snapshot(),
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
