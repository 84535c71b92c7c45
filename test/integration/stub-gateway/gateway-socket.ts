// A frame-level WebSocket client for asserting the stub's protocol details (error objects, close codes),
// which the small probeHealth() helper deliberately hides.
import WebSocket from 'ws';

export interface Frame {
  type: string;
  id?: string;
  event?: string;
  ok?: boolean;
  payload?: Record<string, unknown> & { [key: string]: unknown };
  error?: Record<string, unknown>;
}

export interface Closed {
  code: number;
  reason: string;
}

export class GatewaySocket {
  private readonly queue: Frame[] = [];
  private waiter: ((frame: Frame) => void) | null = null;
  private readonly ws: WebSocket;
  readonly closed: Promise<Closed>;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (this.waiter) {
        const waiter = this.waiter;
        this.waiter = null;
        waiter(frame);
      } else this.queue.push(frame);
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
  }

  static open(port: number): Promise<GatewaySocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
      const socket = new GatewaySocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('error', reject);
    });
  }

  next(timeoutMs = 2000): Promise<Frame> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no frame within ${timeoutMs}ms`));
      }, timeoutMs);
      this.waiter = (frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Send a request and return the next frame (the stub answers requests in order). */
  async request(id: string, method: string, params: unknown = {}): Promise<Frame> {
    this.send({ type: 'req', id, method, params });
    return this.next();
  }

  close(): void {
    this.ws.terminate();
  }
}

export interface ConnectOptions {
  token?: string;
  clientId?: string;
  mode?: string;
  minProtocol?: number;
  maxProtocol?: number;
  scopes?: string[];
}

/** Connect params shaped like the reference's working client (ref §5 step 2). */
export function connectParams(options: ConnectOptions = {}): Record<string, unknown> {
  return {
    minProtocol: options.minProtocol ?? 4,
    maxProtocol: options.maxProtocol ?? 4,
    client: { id: options.clientId ?? 'cli', version: 'x', platform: 'macos', mode: options.mode ?? 'cli' },
    role: 'operator',
    scopes: options.scopes ?? ['operator.read'],
    caps: [],
    ...(options.token === undefined ? {} : { auth: { token: options.token } }),
  };
}

/** Open, consume connect.challenge, send connect; returns the socket, the challenge and the connect reply. */
export async function handshake(
  port: number,
  options: ConnectOptions = {},
): Promise<{ socket: GatewaySocket; challenge: Frame; reply: Frame }> {
  const socket = await GatewaySocket.open(port);
  const challenge = await socket.next();
  const reply = await socket.request('c1', 'connect', connectParams(options));
  return { socket, challenge, reply };
}
