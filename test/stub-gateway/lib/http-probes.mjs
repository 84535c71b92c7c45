// @ts-check
// The unauthenticated HTTP probes on the gateway port (ref §5 "HTTP probes"; handleGatewayProbeRequest).
// The stub binds loopback only, so every caller is a "direct-local" one and always gets the detailed bodies.
import { GATEWAY_VERSION } from './messages.mjs';

/** @typedef {import('./gateway-runtime.mjs').GatewayRuntime} GatewayRuntime */

const LIVENESS_PATHS = new Set(['/health', '/healthz']);
const READINESS_PATHS = new Set(['/ready', '/readyz']);
const STARTUP_PATHS = new Set(['/startup', '/startupz']);

/**
 * @param {GatewayRuntime} runtime
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function createProbeHandler(runtime) {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routeFor(path);
    if (!route) return send(res, req, 404, { ok: false, error: 'not found' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, req, 405, { ok: false, error: 'method not allowed' });
    }
    const [status, body] = route(runtime);
    send(res, req, status, body);
  };
}

/** @param {string} path @returns {((runtime: GatewayRuntime) => [number, object]) | null} */
function routeFor(path) {
  if (LIVENESS_PATHS.has(path)) return () => [200, { ok: true, status: 'live' }];
  if (READINESS_PATHS.has(path)) return readiness;
  if (STARTUP_PATHS.has(path)) return startup;
  return null;
}

/** @param {GatewayRuntime} runtime @returns {[number, object]} */
function readiness(runtime) {
  // Draining (a stop in progress) is reported by /startupz only; the reference records no readiness change.
  const ready = runtime.phase() !== 'starting';
  const body = {
    ready,
    failing: ready ? [] : ['startup-sidecars'],
    uptimeMs: runtime.uptimeMs(),
    eventLoop: runtime.metrics.eventLoop(),
  };
  return [ready ? 200 : 503, body];
}

/** @param {GatewayRuntime} runtime @returns {[number, object]} */
function startup(runtime) {
  const detail = { version: GATEWAY_VERSION, uptimeMs: runtime.uptimeMs() };
  switch (runtime.phase()) {
    case 'starting':
      return [503, { ok: false, status: 'starting', pendingReason: 'startup-sidecars', ...detail }];
    case 'draining':
      return [503, { ok: false, status: 'draining', ...detail }];
    default:
      return [200, { ok: true, status: 'started', ...detail }];
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {import('node:http').IncomingMessage} req
 * @param {number} status
 * @param {object} body
 */
function send(res, req, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}
