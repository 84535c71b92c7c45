import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printJob } from '../../e2e-cli/control-kit.ts';
import type { LaunchdPort } from '../../../src-main/ports/launchd.ts';
import { installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { logLineTime, waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort, setKnobs } from '../../helpers/stub-gateway.ts';

// ThrottleInterval 10 s runs as 2 s: a gateway that dies 0.7 s after its start spends most of
// each cycle waiting for its respawn, as a real crash loop does (0.05 would make it 0.5 s, and
// the next start would write to the log before a check could read the last one's words).
const fleet = useMonitorFleet({ timeScale: 0.2 });

/** Records which launchd operations the monitor uses. */
function recordCalls(port: LaunchdPort, calls: string[]): LaunchdPort {
  return new Proxy(port, {
    get(target, key: keyof LaunchdPort) {
      const value = target[key];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const UNCAUGHT = /\[openclaw\] Uncaught exception: Error: stub-gateway fault: exitAfterMs=700 exitCode=78/;

describe('monitor: a gateway in a crash loop', () => {
  it('emits exited for each exit seen, one crash-loop with the code and the last error line, one notification', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort(), {
      knobs: { exitAfterMs: 700, exitCode: 78 },
    });
    const launchdCalls: string[] = [];
    const watched = fleet.watch({
      wrap: (ctx) => ({ ...ctx, launchd: recordCalls(ctx.launchd, launchdCalls) }),
    });
    watched.monitor.start();

    const loop = await watched.waitForEvent((e) => e.type === 'crash-loop', 15_000);
    const firstExit = watched.events.find((e) => e.type === 'exited')!;
    const firstExitAt = logLineTime(luca.logPath, UNCAUGHT, 'first');
    expect(loop.instance).toBe('luca');
    expect(loop.reason).toMatch(/(exit|code) 78/);
    expect(loop.reason).toMatch(UNCAUGHT);
    const looping = await waitForHealth(watched, 'luca', 'crash-loop');
    expect(looping.lastCrash?.lastExit).toEqual({ code: 78, signal: null });
    expect(looping.lastCrash?.lastLines.at(-1)).toMatch(UNCAUGHT);
    expect(looping.lastCrash?.lastLines.length).toBeGreaterThan(3);
    // It keeps looping: more exits, still one crash-loop event.
    await watched.waitForEvent(
      (e) => e.type === 'exited' && watched.events.filter((x) => x.type === 'exited').length >= 2,
      15_000,
    );

    setKnobs(luca.stateDir, {});
    const recovered = await watched.waitForEvent((e) => e.type === 'recovered', 15_000);
    const types = watched.events.map((e) => e.type);
    console.info(
      `latency: first exited ${firstExit.at - firstExitAt} ms and crash-loop ${loop.at - firstExitAt} ms after the first exit line; ` +
        `recovered ${recovered.at - logLineTime(luca.logPath, /\[gateway\] http server listening/)} ms after the good gateway listened; events: ${types.join(' ')}`,
    );
    expect(types.filter((t) => t === 'crash-loop')).toHaveLength(1);
    expect(types.indexOf('exited')).toBeLessThan(types.indexOf('crash-loop'));
    expect(types.at(-1)).toBe('recovered');
    expect(types.filter((t) => t === 'recovered')).toHaveLength(1);
    for (const e of watched.events.filter((x) => x.type === 'exited'))
      expect(e.reason).toMatch(/^luca \(pid \d+\) exited with code 78: .*Uncaught exception/);

    // One notification for the whole incident, updated in place: never a repeat.
    const id = watched.notifications[0]?.id;
    expect(watched.notifications.map((n) => `${n.kind} ${n.id === id} ${n.title}`)).toEqual([
      'new true luca exited',
      'update true luca is crash-looping',
      'update true luca recovered',
    ]);

    // KeepAlive restarted it, never the monitor: every spawn but the running one followed the
    // gateway's own exit, and the monitor only ever read launchd's state.
    const log = readFileSync(luca.logPath, 'utf8');
    const starts = log.match(/\[gateway\] loading configuration…/g)?.length ?? 0;
    const ownExits = log.match(new RegExp(UNCAUGHT, 'g'))?.length ?? 0;
    const job = await printJob(fleet.env, luca.label);
    expect(job?.runs).toBe(starts);
    expect(ownExits).toBe(starts - 1);
    expect(new Set(launchdCalls)).toEqual(new Set(['fleetStatus', 'status']));
  }, 40_000);
});
