// A held, authenticated WebSocket to one gateway. It answers the authenticated-health layer for
// free while open, and its close is the cheapest death signal there is: the kernel closes the
// socket the moment the process dies, so the monitor re-checks at once instead of at its next poll.
import WebSocket from 'ws';
import { bootIdOf, connectFrame, parseFrame, refusalOf } from './gateway-protocol.ts';

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'open'; bootId: string | null }
  | { kind: 'rejected'; code: string; reason: string }
  /** `retryAfterMs`: the gateway was still starting and said when to come back. */
  | { kind: 'closed'; reason: string; retryAfterMs?: number };

export interface GatewayConnection {
  readonly port: number;
  readonly token: string;
  state(): ConnectionState;
  close(): void;
}

export interface ConnectionEvents {
  /** The connection opened, was rejected, or dropped; the monitor re-checks on any of these. */
  onChange(state: ConnectionState): void;
}

export function holdGatewayConnection(
  port: number,
  token: string,
  events: ConnectionEvents,
  timeoutMs = 3000,
): GatewayConnection {
  let current: ConnectionState = { kind: 'connecting' };
  let closedByUs = false;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { handshakeTimeout: timeoutMs });
  const set = (next: ConnectionState) => {
    current = next;
    if (!closedByUs) events.onChange(next);
  };
  const timer = setTimeout(() => {
    if (current.kind === 'connecting') {
      set({ kind: 'closed', reason: `no hello from the gateway within ${timeoutMs} ms` });
      ws.terminate();
    }
  }, timeoutMs);
  timer.unref();

  ws.on('message', (data) => {
    const frame = parseFrame(String(data));
    if (frame?.type === 'event' && frame.event === 'connect.challenge') {
      ws.send(JSON.stringify(connectFrame(token)));
    } else if (frame?.type === 'res' && frame.id === 'connect') {
      clearTimeout(timer);
      if (frame.ok === true) set({ kind: 'open', bootId: bootIdOf(frame.payload) });
      else set(rejected(frame.error));
    }
  });
  ws.on('error', (error: NodeJS.ErrnoException) => {
    if (current.kind === 'connecting' || current.kind === 'open')
      set({ kind: 'closed', reason: `connection failed (${error.code ?? error.message})` });
  });
  ws.on('close', (code) => {
    clearTimeout(timer);
    if (current.kind === 'connecting' || current.kind === 'open')
      set({ kind: 'closed', reason: `connection closed (${code})` });
  });

  return {
    port,
    token,
    state: () => current,
    close() {
      closedByUs = true;
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
    },
  };
}

function rejected(error: unknown): ConnectionState {
  const refusal = refusalOf(error);
  if (refusal.retryAfterMs !== undefined)
    return { kind: 'closed', reason: refusal.reason, retryAfterMs: refusal.retryAfterMs };
  return { kind: 'rejected', code: refusal.code, reason: refusal.reason };
}
