// The contract over the web host's WebSocket (src-main/shared/web-wire.ts): hello with the page's
// token first, invokes only after `ready`, replies matched by id, every reply and push parsed.
// A dropped connection comes back with back-off; a refused token (4401) does not, since retrying
// the same token cannot succeed.
import type { FleetBridge, InvokeName, PushName } from '../src-main/shared/fleet-contract.ts';
import {
  CLOSE_UNAUTHORIZED,
  WEB_SOCKET_PATH,
  type ClientFrame,
  type HelloFrame,
} from '../src-main/shared/web-wire.ts';
import { INVOKE_NAMES, isPushName, parsePush, parseReply } from './bridge-guard.ts';

export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'open' }
  | { status: 'reconnecting'; attempt: number; retryInMs: number }
  | { status: 'unauthorized' };

export type WebBridge = FleetBridge & {
  watchConnection(listener: (state: ConnectionState) => void): () => void;
  /** Closes for good: no reconnect, pending invokes fail. */
  close(): void;
};

export interface WebBridgeOptions {
  url: string;
  /** From the page URL; null when the page was opened without one. */
  token: string | null;
  WebSocket?: typeof WebSocket;
  backoff?: { initialMs: number; maxMs: number };
}

interface Pending {
  channel: InvokeName;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export const NOT_AUTHORIZED =
  'Not authorized: open the dashboard from the link that `openclaw-fleet serve` printed (it carries the token).';

export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WEB_SOCKET_PATH}`;
}

export function tokenFromUrl(location: Pick<Location, 'search'>): string | null {
  const token = new URLSearchParams(location.search).get('token');
  return token === null || token === '' ? null : token;
}

export function createWebBridge(options: WebBridgeOptions): WebBridge {
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 15_000 };
  const pending = new Map<number, Pending>();
  const pushListeners = new Map<PushName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = { status: 'connecting' };
  let socket: WebSocket | null = null;
  let ready = false;
  let attempt = 0;
  let nextId = 1;
  let closedForGood = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function setState(next: ConnectionState): void {
    state = next;
    for (const listener of connectionListeners) listener(next);
  }

  function failPending(message: string): void {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  }

  function connect(): void {
    if (options.token === null) {
      setState({ status: 'unauthorized' });
      return;
    }
    const token = options.token;
    let ws: WebSocket;
    try {
      ws = new Socket(options.url);
    } catch {
      retryLater();
      return;
    }
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ kind: 'hello', token } satisfies HelloFrame));
    ws.onmessage = (event: MessageEvent) => onFrame(event.data);
    ws.onclose = (event: CloseEvent) => onClose(ws, event.code);
  }

  function onClose(ws: WebSocket, code: number): void {
    if (socket !== ws) return;
    socket = null;
    ready = false;
    failPending('Lost the connection to the fleet host before it answered');
    if (closedForGood) return;
    if (code === CLOSE_UNAUTHORIZED) {
      setState({ status: 'unauthorized' });
      return;
    }
    retryLater();
  }

  function retryLater(): void {
    const retryInMs = Math.min(backoff.initialMs * 2 ** attempt, backoff.maxMs);
    attempt += 1;
    setState({ status: 'reconnecting', attempt, retryInMs });
    retryTimer = setTimeout(connect, retryInMs);
  }

  function onFrame(data: unknown): void {
    const frame = parseFrame(data);
    if (frame === null) return;
    if (frame.kind === 'ready') {
      ready = true;
      attempt = 0;
      setState({ status: 'open' });
    } else if (frame.kind === 'reply' && typeof frame.id === 'number') {
      const p = pending.get(frame.id);
      if (p === undefined) return;
      pending.delete(frame.id);
      if (frame.ok === true) {
        try {
          p.resolve(parseReply(p.channel, frame.result));
        } catch (error) {
          p.reject(error as Error);
        }
      } else {
        p.reject(
          new Error(typeof frame.error === 'string' ? frame.error : 'The fleet host refused the request'),
        );
      }
    } else if (frame.kind === 'push' && isPushName(frame.channel)) {
      const listeners = pushListeners.get(frame.channel);
      if (listeners === undefined || listeners.size === 0) return;
      const payload = parsePush(frame.channel, frame.payload);
      if (payload === undefined) return;
      for (const listener of listeners) listener(payload);
    }
  }

  function invoke(channel: InvokeName, payload: unknown): Promise<unknown> {
    const ws = socket;
    if (!ready || ws === null) {
      return Promise.reject(
        new Error(state.status === 'unauthorized' ? NOT_AUTHORIZED : 'Not connected to the fleet host'),
      );
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { channel, resolve, reject });
      ws.send(JSON.stringify({ kind: 'invoke', id, channel, payload } as ClientFrame));
    });
  }

  const methods: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of INVOKE_NAMES) methods[channel] = (request) => invoke(channel, request);

  connect();

  return {
    ...(methods as Omit<FleetBridge, 'subscribe'>),
    subscribe(channel, listener) {
      const set = pushListeners.get(channel) ?? new Set();
      pushListeners.set(channel, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
    watchConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => void connectionListeners.delete(listener);
    },
    close() {
      closedForGood = true;
      clearTimeout(retryTimer);
      socket?.close(1000);
      socket = null;
      ready = false;
      failPending('The connection to the fleet host was closed');
    },
  };
}

interface LooseFrame {
  kind?: unknown;
  id?: unknown;
  ok?: unknown;
  result?: unknown;
  error?: unknown;
  channel?: unknown;
  payload?: unknown;
}

function parseFrame(data: unknown): LooseFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as LooseFrame) : null;
  } catch {
    return null;
  }
}
