import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { logLineTime, waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort, setKnobs } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

describe('monitor: a gateway that exits 0 under KeepAlive', () => {
  it('emits exited with code 0 and its last log line, then recovered once launchd respawns it', async () => {
    // Outliving the (scaled) ThrottleInterval, it is respawned at once: one exit, not a loop.
    const luca = await installInstance(fleet.env, 'luca', await freePort(), {
      knobs: { exitAfterMs: 2500, exitCode: 0 },
    });
    // Knobs are read at each start, before the first log line: once that line is there, clearing
    // them leaves this gateway's exit scheduled and keeps its replacement up.
    await eventually(
      async () => (existsSync(luca.logPath) ? readFileSync(luca.logPath, 'utf8') : ''),
      (text) => text.includes('[gateway] loading configuration…'),
    );
    setKnobs(luca.stateDir, {});
    const watched = fleet.watch();
    watched.monitor.start();
    const pid = (await waitForHealth(watched, 'luca', 'healthy')).pid!;

    const exited = await watched.waitForEvent((e) => e.type === 'exited');
    const exitedAt = logLineTime(luca.logPath, /leaving it in control/);
    expect(exited).toMatchObject({
      instance: 'luca',
      pid,
      snapshot: { pid, lastExit: { code: 0, signal: null } },
    });
    expect(exited.reason).toMatch(
      new RegExp(
        `^luca \\(pid ${pid}\\) exited with code 0: .*\\[gateway\\] gateway already running under launchd; existing gateway is healthy, leaving it in control$`,
      ),
    );
    const recovered = await watched.waitForEvent((e) => e.type === 'recovered');
    const now = await waitForHealth(watched, 'luca', 'healthy');
    expect(now.pid).not.toBe(pid);
    expect(now.restartsLastHour).toBe(1);
    expect(watched.events.map((e) => e.type)).toEqual(['exited', 'recovered']);
    console.info(
      `latency: exited ${exited.at - exitedAt} ms after the exit line; recovered ${recovered.at - exited.at} ms after exited`,
    );
    expect(exited.at - exitedAt).toBeLessThan(1000);
  });
});
