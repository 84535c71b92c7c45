import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFleet, type ServedFleet } from '../../../src-main/web/serve-fleet.ts';
import { createFleetEnv, type FleetEnv } from '../../helpers/fleet-env.ts';
import { installInstance } from '../../helpers/fleet-fixture.ts';
import { contextFor } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

let env: FleetEnv;
let served: ServedFleet;
let gatewayToken: string;

beforeAll(async () => {
  env = createFleetEnv();
  gatewayToken = (await installInstance(env, 'luca', await freePort())).token;
  const staticDir = join(env.base, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>fleet</title>');
  served = await serveFleet(contextFor(env), {
    port: 0,
    staticDir,
    runtime: async () => ({ nodePath: env.node, entryPath: env.entry }),
  });
});
afterAll(async () => {
  await served.stop();
  await env.cleanup();
});

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: served.web.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(origin: string): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${served.web.port}/api/ws`, { headers: { origin } });
}

const ownOrigin = () => `http://127.0.0.1:${served.web.port}`;

function frames(ws: WebSocket, count: number): Promise<Record<string, unknown>[]> {
  const got: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    ws.on('message', (d) => {
      got.push(JSON.parse(String(d)) as Record<string, unknown>);
      if (got.length >= count) resolve(got);
    });
    ws.on('close', (code) => reject(new Error(`closed ${code} after ${JSON.stringify(got)}`)));
  });
}

describe('web host', () => {
  it('listens on loopback only and prints a token URL', () => {
    expect(served.web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  });

  it('serves the page for the right token, with a strict CSP, and sets the session cookie', async () => {
    const page = await get(`/?token=${served.web.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>fleet</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['set-cookie'])).toContain('HttpOnly');
    const asset = await get('/index.html', { cookie: `ocf_session=${served.web.token}` });
    expect(asset.status).toBe(200);
  });

  it.each([
    ['no token', '/', {}],
    ['a wrong token', `/?token=${'0'.repeat(64)}`, {}],
    ['a wrong cookie', '/', { cookie: 'ocf_session=nope' }],
  ])('refuses %s with 403 and no data', async (_what, path, headers) => {
    const res = await get(path, headers);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('fleet</title>');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(`/?token=${served.web.token}`, { host: 'evil.example:80' });
    expect(res.status).toBe(403);
  });

  it('refuses a WebSocket from a foreign Origin', async () => {
    const ws = connect('http://evil.example');
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });

  it('closes a session whose hello has a wrong token, before sending anything', async () => {
    const ws = connect(ownOrigin());
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ kind: 'hello', token: 'wrong' }));
    const [code, received] = await new Promise<[number, number]>((resolve) => {
      let n = 0;
      ws.on('message', () => n++);
      ws.on('close', (c) => resolve([c, n]));
    });
    expect(code).toBe(4401);
    expect(received).toBe(0);
  });

  it('answers a session with the right token: ready, snapshots, invokes; never a gateway token', async () => {
    const ws = connect(ownOrigin());
    await new Promise((r) => ws.on('open', r));
    const first = frames(ws, 2);
    ws.send(JSON.stringify({ kind: 'hello', token: served.web.token }));
    const [ready, snapshot] = await first;
    expect(ready).toEqual({ kind: 'ready' });
    expect(snapshot).toMatchObject({ kind: 'push', channel: 'snapshot' });
    await served.monitorReady;

    const replies: Record<string, unknown>[] = [];
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as Record<string, unknown>;
      if (f.kind === 'reply') replies.push(f);
    });
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, channel: 'getSnapshot', payload: null }));
    ws.send(JSON.stringify({ kind: 'invoke', id: 2, channel: 'restart', payload: { name: '../../etc' } }));
    ws.send(JSON.stringify({ kind: 'invoke', id: 3, channel: 'nope', payload: null }));
    const deadline = Date.now() + 5000;
    while (replies.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const byId = Object.fromEntries(replies.map((r) => [r.id as number, r]));
    expect(byId[1]).toMatchObject({
      ok: true,
      result: { instances: [{ name: 'luca', label: 'ai.openclaw.luca' }] },
    });
    expect(byId[2]).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid payload for restart'),
    });
    expect(byId[3]).toMatchObject({ ok: false, error: expect.stringContaining('unknown channel') });
    expect(JSON.stringify(replies)).not.toContain(gatewayToken);
    ws.close();
  });
});
