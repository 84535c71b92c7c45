// The web host of `openclaw-fleet serve`: the built renderer and the contract over a WebSocket, on
// 127.0.0.1 only, behind a random token (the page URL carries it, as Jupyter does; the page then
// holds it in an HttpOnly cookie for its assets). A wrong token, a foreign Origin or a foreign Host
// header gets a 403 and no data.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { WEB_SOCKET_PATH } from '../shared/web-wire.ts';
import { sameSecret } from './same-secret.ts';
import { acceptSession, type SessionHub } from './web-sessions.ts';

export interface WebHostOptions {
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  hub: SessionHub;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'ocf_session';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  server.on(
    'request',
    (req, res) => void serveHttp(req, res, { token, hosts, staticDir: options.staticDir }),
  );
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers always send Origin on WebSocket handshakes; a foreign page must not reach the fleet.
    if (
      url.pathname !== WEB_SOCKET_PATH ||
      !hosts.has(req.headers.host ?? '') ||
      !origins.has(req.headers.origin ?? '')
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => acceptSession(ws, token, options.hub));
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface HttpContext {
  token: string;
  hosts: Set<string>;
  staticDir: string;
}

async function serveHttp(req: IncomingMessage, res: ServerResponse, ctx: HttpContext): Promise<void> {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'method not allowed');
  // A foreign Host header means DNS rebinding: some other site resolved to 127.0.0.1.
  if (!ctx.hosts.has(req.headers.host ?? '')) return end(res, 403, 'forbidden');
  const fromQuery = url.searchParams.get('token');
  const fromCookie = cookie(req.headers.cookie, COOKIE);
  if (!sameSecret(fromQuery, ctx.token) && !sameSecret(fromCookie, ctx.token)) {
    return end(res, 403, 'forbidden: open the URL that openclaw-fleet serve printed (it carries the token)');
  }
  if (sameSecret(fromQuery, ctx.token))
    res.setHeader('Set-Cookie', `${COOKIE}=${ctx.token}; HttpOnly; SameSite=Strict; Path=/`);
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const path = normalize(join(ctx.staticDir, relative));
  if (!path.startsWith(ctx.staticDir + sep)) return end(res, 404, 'not found');
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    end(res, 404, 'not found');
  }
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
