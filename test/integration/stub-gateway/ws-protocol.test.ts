// The gateway WebSocket protocol (ref §5): challenge, connect, hello-ok, health/status and the
// handshake errors with their exact objects and close codes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  killAllStubs,
  makeStateDir,
  newToken,
  probeHealth,
  setKnobs,
  spawnStub,
  waitForHealthz,
  waitForReadyz,
} from '../../helpers/stub-gateway.ts';
import { GatewaySocket, handshake } from './gateway-socket.ts';

const root = mkdtempSync(join(tmpdir(), 'ocf-stub-ws-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('stub gateway WebSocket protocol', () => {
  const token = newToken();
  let port = 0;
  let pid = 0;

  beforeAll(async () => {
    port = await freePort();
    const stub = spawnStub(makeStateDir(root, { port, token }), port);
    pid = stub.pid;
    await waitForReadyz(port);
  });
  afterAll(killAllStubs);

  it('sends connect.challenge, accepts the shared token and answers health and status', async () => {
    const { socket, challenge, reply } = await handshake(port, { token });

    expect(challenge).toEqual({
      type: 'event',
      event: 'connect.challenge',
      payload: {
        nonce: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ts: expect.any(Number),
        capabilities: ['model-catalog-snapshot'],
      },
    });
    expect(reply).toMatchObject({
      type: 'res',
      id: 'c1',
      ok: true,
      payload: { type: 'hello-ok', protocol: 4 },
    });
    const hello = reply.payload!;
    expect(hello.server).toEqual({
      version: '2026.9.6',
      buildId: expect.any(String),
      bootId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      controlUiBuildSource: expect.any(String),
      connId: expect.any(String),
    });
    expect(hello.auth).toMatchObject({ method: 'token', role: 'operator', scopes: ['operator.read'] });
    expect(hello.policy).toMatchObject({ maxPayload: 26214400, tickIntervalMs: 30000 });
    expect(Object.keys(hello)).toEqual(expect.arrayContaining(['features', 'snapshot']));

    const health = await socket.request('h1', 'health');
    expect(health).toMatchObject({ type: 'res', id: 'h1', ok: true, payload: { ok: true } });
    expect(health.payload).toMatchObject({ ts: expect.any(Number), durationMs: expect.any(Number) });
    expect(Object.keys(health.payload!)).toEqual(
      expect.arrayContaining(['plugins', 'channels', 'agents', 'sessions', 'modelRuntime', 'eventLoop']),
    );
    // The real health result is cached for a while: the same ts on an immediate second call.
    expect((await socket.request('h2', 'health')).payload!.ts).toBe(health.payload!.ts);

    const status = await socket.request('s1', 'status');
    expect(status).toMatchObject({ ok: true, payload: { pid } });
    expect((status.payload!.processMemory as { rssBytes: number }).rssBytes).toBeGreaterThan(0);
    socket.close();
  });

  it('rejects a wrong token with the exact AUTH_TOKEN_MISMATCH error and close 1008', async () => {
    const { socket, reply } = await handshake(port, { token: newToken() });
    expect(reply).toEqual({
      type: 'res',
      id: 'c1',
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message:
          "unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)",
        details: {
          code: 'AUTH_TOKEN_MISMATCH',
          authReason: 'token_mismatch',
          canRetryWithDeviceToken: false,
          recommendedNextStep: 'update_auth_credentials',
        },
      },
    });
    expect(await socket.closed).toEqual({
      code: 1008,
      reason:
        "unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)",
    });
  });

  it('asks a client without token or device identity to pair: NOT_PAIRED, close 1008', async () => {
    const { socket, reply } = await handshake(port, {});
    expect(reply.error).toEqual({
      code: 'NOT_PAIRED',
      message: 'device identity required',
      details: { code: 'DEVICE_IDENTITY_REQUIRED' },
    });
    expect(await socket.closed).toEqual({ code: 1008, reason: 'device identity required' });
  });

  it.each([
    [
      'client id',
      { clientId: 'openclaw-fleet' },
      'at /client/id: must be equal to one of the allowed values',
    ],
    ['client mode', { mode: 'daemon' }, 'at /client/mode: must be equal to one of the allowed values'],
  ])('rejects an unknown %s as invalid connect params, close 1008', async (_what, options, detail) => {
    const { socket, reply } = await handshake(port, { token, ...options });
    expect(reply.error).toEqual({ code: 'INVALID_REQUEST', message: `invalid connect params: ${detail}` });
    expect(await socket.closed).toMatchObject({ code: 1008 });
  });

  it('rejects protocol 3 with PROTOCOL_MISMATCH and close 1002, but admits a probe client on 3', async () => {
    const { socket, reply } = await handshake(port, { token, minProtocol: 3, maxProtocol: 3 });
    expect(reply.error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'protocol mismatch',
      details: {
        code: 'PROTOCOL_MISMATCH',
        clientMinProtocol: 3,
        clientMaxProtocol: 3,
        expectedProtocol: 4,
        minimumProbeProtocol: 3,
      },
    });
    expect(await socket.closed).toEqual({ code: 1002, reason: 'protocol mismatch' });

    const probe = await handshake(port, {
      token,
      minProtocol: 3,
      maxProtocol: 3,
      clientId: 'openclaw-probe',
      mode: 'probe',
    });
    expect(probe.reply.ok).toBe(true);
    probe.socket.close();
  });

  it('rejects any request before a successful connect', async () => {
    const socket = await GatewaySocket.open(port);
    await socket.next(); // challenge
    const reply = await socket.request('early', 'health');
    expect(reply).toEqual({
      type: 'res',
      id: 'early',
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'invalid handshake: first request must be connect' },
    });
    expect(await socket.closed).toMatchObject({ code: 1008 });

    const garbage = await GatewaySocket.open(port);
    await garbage.next();
    garbage.send('not json');
    expect(await garbage.closed).toEqual({ code: 1008, reason: 'invalid request frame' });
  });

  it('gives a probe client no scopes: health works, status is forbidden', async () => {
    const { socket, reply } = await handshake(port, { token, clientId: 'openclaw-probe', mode: 'probe' });
    expect(reply.payload!.auth).toMatchObject({ method: 'token', scopes: [] });
    expect((await socket.request('h', 'health')).ok).toBe(true);
    expect((await socket.request('s', 'status')).error).toEqual({
      code: 'FORBIDDEN',
      message: 'missing scope: operator.read',
    });
    socket.close();
  });

  it('probeHealth() reports ok with the bootId, or the failure code', async () => {
    const ok = await probeHealth(port, token);
    expect(ok).toEqual({ ok: true, bootId: expect.any(String) });
    expect(await probeHealth(port, newToken())).toEqual({ ok: false, code: 'AUTH_TOKEN_MISMATCH' });
    expect(await probeHealth(port, undefined)).toEqual({ ok: false, code: 'DEVICE_IDENTITY_REQUIRED' });
    expect(await probeHealth(await freePort(), token)).toEqual({ ok: false, code: 'ECONNREFUSED' });
  });
});

describe('stub gateway WebSocket across process lifetimes', () => {
  afterEach(killAllStubs);

  it('answers connect with a retryable UNAVAILABLE (close 1013) while startup sidecars are pending', async () => {
    const token = newToken();
    const port = await freePort();
    const stateDir = makeStateDir(root, { port, token });
    setKnobs(stateDir, { readyDelayMs: 1500 });
    spawnStub(stateDir, port);
    await waitForHealthz(port);

    const { socket, reply } = await handshake(port, { token });
    expect(reply.error).toEqual({
      code: 'UNAVAILABLE',
      message: 'gateway starting; retry shortly',
      retryable: true,
      retryAfterMs: 500,
      details: { reason: 'startup-sidecars' },
    });
    expect(await socket.closed).toEqual({ code: 1013, reason: 'gateway starting' });
    expect(await probeHealth(port, token)).toEqual({ ok: false, code: 'UNAVAILABLE' });
  });

  it('reports a new bootId after a restart on the same state dir', async () => {
    const token = newToken();
    const port = await freePort();
    const stateDir = makeStateDir(root, { port, token });

    const first = spawnStub(stateDir, port);
    await waitForReadyz(port);
    const before = await probeHealth(port, token);
    expect(await first.stop()).toEqual({ code: 0, signal: null });

    spawnStub(stateDir, port);
    await waitForReadyz(port);
    const after = await probeHealth(port, token);

    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) expect(after.bootId).not.toBe(before.bootId);
  });
});
