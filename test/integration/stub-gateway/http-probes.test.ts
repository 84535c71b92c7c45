// HTTP probes on the gateway port (ref §5 "HTTP probes").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  getProbe,
  killAllStubs,
  makeStateDir,
  newToken,
  setKnobs,
  spawnStub,
  waitForHealthz,
  waitForReadyz,
} from '../../helpers/stub-gateway.ts';

const root = mkdtempSync(join(tmpdir(), 'ocf-stub-http-'));
afterEach(killAllStubs);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function startStub(knobs: Parameters<typeof setKnobs>[1] = {}) {
  const port = await freePort();
  const stateDir = makeStateDir(root, { port, token: newToken() });
  setKnobs(stateDir, knobs);
  const stub = spawnStub(stateDir, port);
  await waitForHealthz(port);
  return { port, stub };
}

describe('stub gateway HTTP probes', () => {
  it('answers liveness on /health and /healthz with {"ok":true,"status":"live"}, HEAD without a body', async () => {
    const { port } = await startStub();
    for (const path of ['/health', '/healthz']) {
      expect(await getProbe(port, path)).toEqual({ status: 200, body: '{"ok":true,"status":"live"}' });
      expect(await getProbe(port, path, 'HEAD')).toEqual({ status: 200, body: '' });
    }
  });

  it('reports startup-sidecars as failing on /readyz and /startupz during startup, then ready', async () => {
    const { port } = await startStub({ readyDelayMs: 800 });

    for (const path of ['/readyz', '/ready']) {
      const starting = await getProbe(port, path);
      expect(starting?.status).toBe(503);
      expect(JSON.parse(starting!.body)).toMatchObject({ ready: false, failing: ['startup-sidecars'] });
    }
    for (const path of ['/startupz', '/startup']) {
      const starting = await getProbe(port, path);
      expect(starting?.status).toBe(503);
      expect(JSON.parse(starting!.body)).toMatchObject({
        ok: false,
        status: 'starting',
        pendingReason: 'startup-sidecars',
        version: '2026.9.6',
      });
    }

    await waitForReadyz(port);
    const ready = JSON.parse((await getProbe(port, '/readyz'))!.body);
    expect(ready).toMatchObject({ ready: true, failing: [] });
    expect(ready.uptimeMs).toBeGreaterThanOrEqual(800);
    expect(Object.keys(ready.eventLoop)).toEqual(
      expect.arrayContaining(['degraded', 'delayP99Ms', 'utilization', 'cpuCoreRatio', 'cpuBreakdown']),
    );
    const started = await getProbe(port, '/startupz');
    expect(started?.status).toBe(200);
    expect(JSON.parse(started!.body)).toMatchObject({ ok: true, status: 'started' });
  });

  it('rejects methods other than GET and HEAD with 405', async () => {
    const { port } = await startStub();
    for (const [method, path] of [
      ['POST', '/healthz'],
      ['PUT', '/readyz'],
      ['DELETE', '/startupz'],
    ] as const) {
      expect((await getProbe(port, path, method))?.status).toBe(405);
    }
  });

  it('answers 404 for unknown paths, including sub-paths of a probe', async () => {
    const { port } = await startStub();
    for (const path of ['/healthz/x', '/readyz/', '/', '/status']) {
      expect((await getProbe(port, path))?.status, path).toBe(404);
    }
  });
});
