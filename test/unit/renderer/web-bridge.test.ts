// The web bridge against a tiny WebSocket server that speaks src-main/shared/web-wire.ts, with the
// runtime's own WebSocket client (Node's, which is the browser's WHATWG API).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { FleetView } from '../../../src-main/shared/fleet-contract.ts';
import { CLOSE_UNAUTHORIZED, WEB_SOCKET_PATH } from '../../../src-main/shared/web-wire.ts';
import { useFleetStore } from '../../../src-renderer/store/fleet-store.ts';
import { startSubscriptions } from '../../../src-renderer/store/subscriptions.ts';
import {
  createWebBridge,
  NOT_AUTHORIZED,
  tokenFromUrl,
  webSocketUrl,
  type ConnectionState,
  type WebBridge,
} from '../../../src-renderer/web-bridge.ts';
import { fleet, instance } from './fake-host.ts';

const TOKEN = 'f00d'.repeat(16);

type Frame = { kind: string; id?: number; channel?: string; payload?: unknown; token?: string };
type Answer = (frame: Frame, ws: ServerSocket) => void;

/** A host that checks the hello, answers invokes with `answer`, and records what it received. */
async function wireHost(answer: Answer = () => {}) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: WEB_SOCKET_PATH });
  await once(wss, 'listening');
  const received: Frame[][] = [];
  const sockets: ServerSocket[] = [];
  wss.on('connection', (ws) => {
    const frames: Frame[] = [];
    received.push(frames);
    sockets.push(ws);
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      frames.push(frame);
      if (frames.length === 1) {
        if (frame.kind !== 'hello' || frame.token !== TOKEN) ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
        else ws.send(JSON.stringify({ kind: 'ready' }));
        return;
      }
      answer(frame, ws);
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}${WEB_SOCKET_PATH}`,
    received,
    sockets,
    push: (channel: string, payload: unknown) =>
      sockets.at(-1)?.send(JSON.stringify({ kind: 'push', channel, payload })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

const reply = (ws: ServerSocket, id: number | undefined, result: unknown) =>
  ws.send(JSON.stringify({ kind: 'reply', id, ok: true, result }));

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
  useFleetStore.getState().reset();
});

async function connect(url: string, token: string | null = TOKEN) {
  const bridge = createWebBridge({ url, token, backoff: { initialMs: 20, maxMs: 80 } });
  const states: ConnectionState['status'][] = [];
  bridge.watchConnection((s) => states.push(s.status));
  cleanups.push(() => bridge.close());
  return { bridge, states };
}

const opened = (states: string[]) => vi.waitFor(() => expect(states.at(-1)).toBe('open'));

describe('the web bridge', () => {
  it('sends the hello with the page token first, then matches replies to invokes by id', async () => {
    const view = fleet([instance({ name: 'luca' })]);
    const host = await wireHost((frame, ws) => {
      // Answer the slow restart after the snapshot, so replies come back out of order.
      if (frame.channel === 'restart')
        setTimeout(() => reply(ws, frame.id, { ok: true, message: 'restarted' }), 30);
      if (frame.channel === 'getSnapshot') reply(ws, frame.id, view);
    });
    cleanups.push(host.close);
    const { bridge, states } = await connect(host.url);
    await opened(states);

    const [restarted, snapshot] = await Promise.all([
      bridge.restart({ name: 'luca' }),
      bridge.getSnapshot(null),
    ]);
    expect(restarted).toEqual({ ok: true, message: 'restarted' });
    expect(snapshot).toEqual(view);
    const frames = host.received[0] ?? [];
    expect(frames[0]).toEqual({ kind: 'hello', token: TOKEN });
    expect(frames.slice(1)).toEqual([
      { kind: 'invoke', id: 1, channel: 'restart', payload: { name: 'luca' } },
      { kind: 'invoke', id: 2, channel: 'getSnapshot', payload: null },
    ]);
    expect(states).toEqual(['connecting', 'open']);
  });

  it('rejects with the host’s error, and rejects a reply that breaks the contract', async () => {
    const host = await wireHost((frame, ws) => {
      if (frame.channel === 'stop')
        ws.send(
          JSON.stringify({ kind: 'reply', id: frame.id, ok: false, error: 'stop failed: launchctl hung' }),
        );
      if (frame.channel === 'start') reply(ws, frame.id, { ok: 'sure' });
    });
    cleanups.push(host.close);
    const { bridge, states } = await connect(host.url);
    await opened(states);
    await expect(bridge.stop({ name: 'luca' })).rejects.toThrow('stop failed: launchctl hung');
    await expect(bridge.start({ name: 'luca' })).rejects.toThrow(/malformed start reply/);
  });

  it('validates pushes: a malformed one is dropped, never stored', async () => {
    const good = fleet([instance({ name: 'luca' })]);
    const host = await wireHost((frame, ws) => frame.channel === 'getSnapshot' && reply(ws, frame.id, good));
    cleanups.push(host.close);
    const { bridge } = await connect(host.url);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cleanups.push(() => warn.mockRestore());
    const stop = startSubscriptions({
      bridge,
      watchConnection: bridge.watchConnection,
      notifier: { access: () => 'unsupported', request: async () => 'unsupported', show: () => {} },
      copyText: async () => {},
      watchHints: () => () => {},
    });
    cleanups.push(stop);
    await vi.waitFor(() => expect(useFleetStore.getState().snapshot).toEqual(good));

    const broken = { ...good, instances: [{ ...good.instances[0], health: 'on-fire' }] };
    host.push('snapshot', broken);
    host.push('snapshot', { checkedAt: null });
    host.push('no-such-channel', good);
    host.sockets[0]?.send('not json');
    host.push('event', { type: 'exited', instance: 'luca', at: '2026-01-10T10:00:00Z', reason: 'exit 1' });
    await vi.waitFor(() => expect(useFleetStore.getState().liveEvents).toHaveLength(1));
    expect(useFleetStore.getState().snapshot).toEqual(good);
    expect(warn).toHaveBeenCalledTimes(2);

    const next: FleetView = fleet([]);
    host.push('snapshot', next);
    await vi.waitFor(() => expect(useFleetStore.getState().snapshot).toEqual(next));
  });

  it('surfaces a refused token (4401) as unauthorized and does not retry it', async () => {
    const host = await wireHost();
    cleanups.push(host.close);
    const { bridge, states } = await connect(host.url, 'wrong');
    await vi.waitFor(() => expect(states.at(-1)).toBe('unauthorized'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(host.received).toHaveLength(1);
    await expect(bridge.getSnapshot(null)).rejects.toThrow(NOT_AUTHORIZED);
  });

  it('is unauthorized at once when the page URL has no token', async () => {
    const host = await wireHost();
    cleanups.push(host.close);
    const { states } = await connect(host.url, null);
    expect(states).toEqual(['unauthorized']);
    expect(tokenFromUrl({ search: '?token=' })).toBeNull();
    expect(tokenFromUrl({ search: `?token=${TOKEN}` })).toBe(TOKEN);
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4100' })).toBe('ws://127.0.0.1:4100/api/ws');
    expect(webSocketUrl({ protocol: 'https:', host: 'fleet.local' })).toBe('wss://fleet.local/api/ws');
  });

  it('fails in-flight invokes when the connection drops, then reconnects with back-off', async () => {
    const host = await wireHost((frame, ws) => frame.channel === 'restart' && ws.terminate());
    cleanups.push(host.close);
    const { bridge, states } = await connect(host.url);
    await opened(states);
    await expect(bridge.restart({ name: 'luca' })).rejects.toThrow(/Lost the connection/);
    await expect(bridge.getSnapshot(null)).rejects.toThrow('Not connected to the fleet host');
    await vi.waitFor(() => expect(states.slice(-2)).toEqual(['reconnecting', 'open']));
    expect(host.received).toHaveLength(2);
    expect(host.received[1]?.[0]).toEqual({ kind: 'hello', token: TOKEN });
  });

  it('stops for good on close()', async () => {
    const host = await wireHost();
    cleanups.push(host.close);
    const { bridge, states }: { bridge: WebBridge; states: string[] } = await connect(host.url);
    await opened(states);
    bridge.close();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(host.received).toHaveLength(1);
    expect(states.at(-1)).toBe('open');
    await expect(bridge.getSnapshot(null)).rejects.toThrow('Not connected');
  });
});
