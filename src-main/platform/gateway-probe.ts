// The two top layers of an instance's health: liveness over HTTP (`GET /healthz`, no auth) and the
// authenticated WebSocket `health` call with the instance's own token (openclaw-gateway.md §5).
// Loopback only; every probe has a deadline.
import { request } from 'node:http';
import WebSocket from 'ws';
import { bootIdOf, connectFrame, parseFrame, refusalOf } from './gateway-protocol.ts';

export type HealthzResult = { ok: true; status: number } | { ok: false; error: string };

export function probeHealthz(port: number, timeoutMs = 1500): Promise<HealthzResult> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/healthz', method: 'GET', timeout: timeoutMs },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        resolve(
          status === 200 ? { ok: true, status } : { ok: false, error: `/healthz answered HTTP ${status}` },
        );
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve({ ok: false, error: `/healthz did not answer within ${timeoutMs} ms` });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      resolve({
        ok: false,
        error:
          error.code === 'ECONNREFUSED'
            ? `nothing listens on port ${port}`
            : `/healthz failed (${error.code ?? error.message})`,
      });
    });
    req.end();
  });
}

export type AuthHealthResult =
  { ok: true; bootId: string | null } | { ok: false; code: string; reason: string; retryAfterMs?: number };

/**
 * challenge → connect with the token → health. A gateway still starting its sidecars answers the
 * connect with a retryable UNAVAILABLE; that is retried within the deadline, not reported.
 */
export async function probeAuthenticatedHealth(
  port: number,
  token: string,
  timeoutMs = 3000,
): Promise<AuthHealthResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt(port, token, Math.max(1, deadline - Date.now()));
    const wait = result.ok ? undefined : result.retryAfterMs;
    if (wait === undefined || Date.now() + wait >= deadline) {
      if (!result.ok) delete result.retryAfterMs;
      return result;
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}

function attempt(port: number, token: string, timeoutMs: number): Promise<AuthHealthResult> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { handshakeTimeout: timeoutMs });
    let bootId: string | null = null;
    let settled = false;
    const finish = (result: AuthHealthResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.removeAllListeners('close');
      ws.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          code: 'TIMEOUT',
          reason: `the gateway did not answer the health call within ${timeoutMs} ms`,
        }),
      timeoutMs,
    );
    ws.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        code: 'UNREACHABLE',
        reason: `cannot open the gateway WebSocket (${error.code ?? error.message})`,
      }),
    );
    ws.on('close', (code) =>
      finish({ ok: false, code: 'CLOSED', reason: `the gateway closed the connection (${code})` }),
    );
    ws.on('message', (data) => {
      const frame = parseFrame(String(data));
      if (frame?.type === 'event' && frame.event === 'connect.challenge') {
        ws.send(JSON.stringify(connectFrame(token)));
      } else if (frame?.type === 'res' && frame.id === 'connect') {
        if (frame.ok !== true) return finish(rejection(frame.error));
        bootId = bootIdOf(frame.payload);
        ws.send(JSON.stringify({ type: 'req', id: 'health', method: 'health', params: {} }));
      } else if (frame?.type === 'res' && frame.id === 'health') {
        finish(frame.ok === true ? { ok: true, bootId } : rejection(frame.error));
      }
    });
  });
}

function rejection(error: unknown): AuthHealthResult {
  return { ok: false, ...refusalOf(error) };
}
