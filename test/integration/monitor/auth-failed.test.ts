import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sleep } from '../../e2e-cli/control-kit.ts';
import { installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { waitForHealth } from '../../helpers/monitor-kit.ts';
import { freePort, newToken } from '../../helpers/stub-gateway.ts';

const GRACE_MS = 600;

const fleet = useMonitorFleet();

/** Rewrites gateway.auth.token in openclaw.json, as an editor or another tool would. */
function setConfigToken(stateDir: string, token: string): void {
  const path = join(stateDir, 'openclaw.json');
  const config = JSON.parse(readFileSync(path, 'utf8')) as { gateway: { auth: { token: string } } };
  config.gateway.auth.token = token;
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

describe('monitor: the token in openclaw.json no longer matches the running gateway', () => {
  it('re-dials with the new token, emits auth-failed after the grace window, and recovers when they agree again', async () => {
    const luca = await installInstance(fleet.env, 'luca', await freePort());
    const watched = fleet.watch({ settings: { graceMs: GRACE_MS } });
    watched.monitor.start();
    const pid = (await waitForHealth(watched, 'luca', 'healthy')).pid!;
    // Let the held connection open with the right token first.
    await sleep(500);

    // The running gateway keeps the token it started with; the file now says another one.
    const other = newToken();
    const changedAt = Date.now();
    setConfigToken(luca.stateDir, other);
    const failed = await watched.waitForEvent((e) => e.type === 'auth-failed');
    expect(failed).toMatchObject({ instance: 'luca', pid });
    expect(failed.reason).toBe(
      'token rejected by the gateway (AUTH_TOKEN_MISMATCH): openclaw.json and the running gateway disagree',
    );
    for (const token of [luca.token, other]) expect(JSON.stringify(watched.events)).not.toContain(token);
    const degraded = await waitForHealth(watched, 'luca', 'degraded');
    expect(degraded.reason).toBe(failed.reason);
    expect(degraded.pid).toBe(pid);

    // Put the token back: the connection is re-dialled with it and the incident ends.
    const restoredAt = Date.now();
    setConfigToken(luca.stateDir, luca.token);
    const recovered = await watched.waitForEvent((e) => e.type === 'recovered');
    expect(watched.events.map((e) => e.type)).toEqual(['auth-failed', 'recovered']);
    console.info(
      `latency: auth-failed ${failed.at - changedAt} ms after the config changed (grace ${GRACE_MS} ms); recovered ${recovered.at - restoredAt} ms after it was restored`,
    );
    expect(failed.at - changedAt).toBeGreaterThanOrEqual(GRACE_MS);
    expect(failed.at - changedAt).toBeLessThan(GRACE_MS + 2000);
  });
});
