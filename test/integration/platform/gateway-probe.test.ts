import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeAuthenticatedHealth, probeHealthz } from '../../../src-main/platform/gateway-probe.ts';
import {
  freePort,
  killAllStubs,
  makeStateDir,
  newToken,
  spawnStub,
  waitForHealthz,
} from '../../helpers/stub-gateway.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ocf-probe-'));
});
afterEach(() => killAllStubs());
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function startStub(): Promise<{ port: number; token: string; stateDir: string }> {
  const port = await freePort();
  const token = newToken();
  const stateDir = makeStateDir(root, { port, token });
  spawnStub(stateDir, port);
  await waitForHealthz(port);
  return { port, token, stateDir };
}

describe('gateway probes against the stub gateway', () => {
  it('sees /healthz and the authenticated health call succeed, with a boot id per process', async () => {
    const { port, token, stateDir } = await startStub();
    expect(await probeHealthz(port)).toEqual({ ok: true, status: 200 });
    const first = await probeAuthenticatedHealth(port, token);
    expect(first).toEqual({ ok: true, bootId: expect.any(String) });
    await killAllStubs();
    spawnStub(stateDir, port);
    await waitForHealthz(port);
    const second = await probeAuthenticatedHealth(port, token);
    expect(second.ok && first.ok && second.bootId !== first.bootId).toBe(true);
  });

  it('reports a wrong token as AUTH_TOKEN_MISMATCH with a reason in words', async () => {
    const { port } = await startStub();
    const result = await probeAuthenticatedHealth(port, newToken());
    expect(result).toEqual({
      ok: false,
      code: 'AUTH_TOKEN_MISMATCH',
      reason: expect.stringContaining('token rejected by the gateway'),
    });
  });

  it('says nothing listens on a closed port, fast', async () => {
    const port = await freePort();
    expect(await probeHealthz(port)).toEqual({ ok: false, error: `nothing listens on port ${port}` });
    const auth = await probeAuthenticatedHealth(port, 'x'.repeat(64));
    expect(auth).toMatchObject({ ok: false, code: 'UNREACHABLE' });
  });

  it('gives up on a listener that never answers within the deadline', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      expect(await probeHealthz(port, 200)).toEqual({
        ok: false,
        error: '/healthz did not answer within 200 ms',
      });
      expect(await probeAuthenticatedHealth(port, 'x'.repeat(64), 300)).toMatchObject({
        ok: false,
        code: expect.stringMatching(/TIMEOUT|UNREACHABLE/),
      });
    } finally {
      silent.close();
    }
  });
});
