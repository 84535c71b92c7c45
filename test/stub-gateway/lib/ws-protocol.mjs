// @ts-check
// The gateway WebSocket protocol on `/`, as far as a fleet manager uses it (ref §5 "WebSocket protocol"):
// connect.challenge -> connect (token auth) -> hello-ok, then `health` and `status`. Error objects, close
// codes and check order follow the real connect admission (ws-connection/*.ts in the gateway source).
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { WebSocketServer } from 'ws';
import * as msg from './messages.mjs';

/** @typedef {import('./gateway-runtime.mjs').GatewayRuntime} GatewayRuntime */
/** @typedef {import('./console-log.mjs').ConsoleLog} ConsoleLog */
/** @typedef {import('ws').WebSocket} WebSocket */
/** @typedef {{ code: string, message: string, [key: string]: unknown }} ErrorShape */

export const CLIENT_IDS = [
  'cli',
  'gateway-client',
  'openclaw-macos',
  'openclaw-probe',
  'openclaw-control-ui',
  'openclaw-tui',
  'webchat',
  'webchat-ui',
  'node-host',
  'openclaw-worker',
  'test',
  'fingerprint',
  'openclaw-linux',
  'openclaw-ios',
  'openclaw-android',
  'openclaw-watchos',
  'openclaw-browser-copilot',
];
export const CLIENT_MODES = ['cli', 'ui', 'backend', 'node', 'worker', 'probe', 'test', 'webchat'];

const PROTOCOL_VERSION = 4;
const MIN_PROBE_PROTOCOL = 3;
const MAX_PAYLOAD_BYTES = 26214400;
const MAX_BUFFERED_BYTES = 52428800;
const MAX_PREAUTH_PAYLOAD_BYTES = 65536;
const TICK_INTERVAL_MS = 30000;
const STARTUP_RETRY_AFTER_MS = 500;
const CLOSE_REASON_MAX_BYTES = 120;
const READ_SCOPES = new Set(['operator.read', 'operator.write', 'operator.admin']);

/**
 * @param {import('node:http').Server} server
 * @param {{ runtime: GatewayRuntime, log: ConsoleLog }} deps
 */
export function attachGatewayWebSocket(server, { runtime, log }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => handleConnection(ws, req, runtime, log));
  });
  return {
    /** Polite close for every client; the caller still drops lingering sockets with the HTTP server. */
    closeAll() {
      for (const ws of wss.clients) ws.close(1001, 'gateway stopping');
    },
  };
}

/**
 * @param {WebSocket} ws
 * @param {import('node:http').IncomingMessage} req
 * @param {GatewayRuntime} runtime
 * @param {ConsoleLog} log
 */
function handleConnection(ws, req, runtime, log) {
  const connId = randomUUID();
  const remote = req.socket.remoteAddress ?? '?';
  /** @type {{ role: string, scopes: string[] } | null} */
  let session = null;
  /** @type {NodeJS.Timeout | undefined} */
  let tickTimer;

  /** @param {object} frame */
  const send = (frame) => ws.send(JSON.stringify(frame));
  /** @param {unknown} id @param {ErrorShape} error @param {number} closeCode @param {string} closeReason */
  const refuse = (id, error, closeCode, closeReason) => {
    send({ type: 'res', id, ok: false, error });
    ws.close(closeCode, truncateCloseReason(closeReason));
  };

  send({
    type: 'event',
    event: 'connect.challenge',
    payload: { nonce: randomUUID(), ts: Date.now(), capabilities: ['model-catalog-snapshot'] },
  });

  ws.on('message', (data) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(/** @type {Buffer} */ (data));
    if (!session && bytes.length > MAX_PREAUTH_PAYLOAD_BYTES) {
      ws.close(1009, 'preauth payload too large');
      return;
    }
    /** @type {unknown} */
    let frame;
    try {
      frame = JSON.parse(bytes.toString('utf8'));
    } catch {
      frame = undefined;
    }
    if (session) handleRequest(frame, session);
    else handleHandshake(frame);
  });
  ws.on('close', () => clearInterval(tickTimer));
  ws.on('error', () => clearInterval(tickTimer));

  /** @param {unknown} frame */
  function handleHandshake(frame) {
    if (!isRequestFrame(frame)) {
      ws.close(1008, msg.INVALID_REQUEST_FRAME);
      return;
    }
    if (frame.method !== 'connect') {
      refuse(
        frame.id,
        errorShape('INVALID_REQUEST', msg.FIRST_REQUEST_MUST_BE_CONNECT),
        1008,
        msg.FIRST_REQUEST_MUST_BE_CONNECT,
      );
      return;
    }
    const problem = connectParamsProblem(frame.params);
    if (problem) {
      const message = msg.invalidConnectParams(problem);
      refuse(frame.id, errorShape('INVALID_REQUEST', message), 1008, message);
      return;
    }
    const params = /** @type {ConnectParams} */ (frame.params);
    if (runtime.phase() === 'starting') {
      const error = errorShape('UNAVAILABLE', msg.STARTUP_UNAVAILABLE_MESSAGE, {
        retryable: true,
        retryAfterMs: STARTUP_RETRY_AFTER_MS,
        details: { reason: 'startup-sidecars' },
      });
      refuse(frame.id, error, 1013, 'gateway starting');
      return;
    }
    const { minProtocol, maxProtocol } = params;
    const supportsCurrent = maxProtocol >= PROTOCOL_VERSION && minProtocol <= PROTOCOL_VERSION;
    const supportsProbe =
      params.client.mode === 'probe' && maxProtocol >= MIN_PROBE_PROTOCOL && minProtocol <= PROTOCOL_VERSION;
    if (!supportsCurrent && !supportsProbe) {
      log.warn(
        'ws',
        `protocol mismatch conn=${connId} remote=${remote} client=${params.client.id} ${params.client.mode} min=${minProtocol} max=${maxProtocol} expected=4 probeMin=3`,
      );
      const error = errorShape('INVALID_REQUEST', msg.PROTOCOL_MISMATCH_MESSAGE, {
        details: {
          code: 'PROTOCOL_MISMATCH',
          clientMinProtocol: minProtocol,
          clientMaxProtocol: maxProtocol,
          expectedProtocol: PROTOCOL_VERSION,
          minimumProbeProtocol: MIN_PROBE_PROTOCOL,
        },
      });
      refuse(frame.id, error, 1002, msg.PROTOCOL_MISMATCH_MESSAGE);
      return;
    }
    const role = params.role ?? 'operator';
    if (role !== 'operator' && role !== 'node') {
      refuse(frame.id, errorShape('INVALID_REQUEST', 'invalid role'), 1008, 'invalid role');
      return;
    }
    const verdict = checkCredentials(runtime.auth, params.auth);
    if (!verdict.ok) {
      if (verdict.reason) {
        log.warn(
          'ws',
          `unauthorized conn=${connId} remote=${remote} client=${params.client.id} ${params.client.mode} v${formatForLog(params.client.version)} role=${role} device=no reason=${verdict.reason}`,
        );
      }
      refuse(frame.id, verdict.error, 1008, verdict.error.message);
      return;
    }
    const requested = Array.isArray(params.scopes) ? params.scopes.filter((s) => typeof s === 'string') : [];
    session = { role, scopes: keepsRequestedScopes(params, verdict.method) ? requested : [] };
    send({ type: 'res', id: frame.id, ok: true, payload: helloOk(params, session, verdict.method) });
    tickTimer = setInterval(
      () => send({ type: 'event', event: 'tick', payload: { ts: Date.now() } }),
      TICK_INTERVAL_MS,
    );
  }

  /** @param {unknown} frame @param {{ role: string, scopes: string[] }} current */
  function handleRequest(frame, current) {
    if (!isRequestFrame(frame)) return;
    const respond = (/** @type {object} */ payload) => send({ type: 'res', id: frame.id, ok: true, payload });
    const fail = (/** @type {ErrorShape} */ error) => send({ type: 'res', id: frame.id, ok: false, error });
    switch (frame.method) {
      case 'health':
        respond(runtime.health());
        return;
      case 'status':
        if (!current.scopes.some((scope) => READ_SCOPES.has(scope))) {
          fail(errorShape('FORBIDDEN', msg.missingScope('operator.read')));
          return;
        }
        respond({
          pid: process.pid,
          runtimeVersion: msg.GATEWAY_VERSION,
          uptimeMs: runtime.uptimeMs(),
          processMemory: runtime.metrics.processMemory(),
          eventLoop: runtime.metrics.eventLoop(),
        });
        return;
      default:
        fail(errorShape('INVALID_REQUEST', msg.unknownMethod(frame.method)));
    }
  }

  /** @param {ConnectParams} params @param {{ role: string, scopes: string[] }} current @param {string} method */
  function helloOk(params, current, method) {
    return {
      type: 'hello-ok',
      protocol: params.maxProtocol >= PROTOCOL_VERSION ? PROTOCOL_VERSION : MIN_PROBE_PROTOCOL,
      server: {
        version: msg.GATEWAY_VERSION,
        buildId: msg.GATEWAY_BUILD_ID,
        bootId: runtime.bootId,
        controlUiBuildSource: 'stub-gateway',
        connId,
      },
      features: { methods: ['health', 'status'], events: ['connect.challenge', 'tick'] },
      snapshot: {
        suspension: null,
        presence: [],
        health: runtime.health(),
        stateVersion: { presence: 0, health: 0 },
        uptimeMs: runtime.uptimeMs(),
        appliedConfigHash: runtime.configHash,
        sessionDefaults: { defaultAgentId: 'main' },
        updateSchedule: null,
      },
      auth: { method, role: current.role, scopes: current.scopes, recoveryScope: null },
      policy: {
        maxPayload: MAX_PAYLOAD_BYTES,
        maxBufferedBytes: MAX_BUFFERED_BYTES,
        tickIntervalMs: TICK_INTERVAL_MS,
        attachments: { maxBytes: MAX_PAYLOAD_BYTES },
      },
    };
  }
}

/**
 * @typedef {{ minProtocol: number, maxProtocol: number, role?: string, scopes?: unknown[],
 *   client: { id: string, version: string, platform: string, mode: string },
 *   auth?: { token?: unknown, password?: unknown } }} ConnectParams
 */

/** @param {unknown} frame @returns {frame is { type: 'req', id: string, method: string, params?: unknown }} */
function isRequestFrame(frame) {
  if (typeof frame !== 'object' || frame === null) return false;
  const f = /** @type {Record<string, unknown>} */ (frame);
  return f.type === 'req' && typeof f.id === 'string' && f.id.length > 0 && typeof f.method === 'string';
}

/**
 * A small stand-in for the real JSON-schema check; messages use the same `at <path>: <problem>` form.
 * @param {unknown} params
 * @returns {string | null}
 */
function connectParamsProblem(params) {
  if (typeof params !== 'object' || params === null) return 'at root: must be object';
  const p = /** @type {Record<string, unknown>} */ (params);
  for (const key of ['minProtocol', 'maxProtocol', 'client']) {
    if (!(key in p)) return `at root: must have required property '${key}'`;
  }
  for (const key of ['minProtocol', 'maxProtocol']) {
    if (!Number.isInteger(p[key])) return `at /${key}: must be integer`;
  }
  if (typeof p.client !== 'object' || p.client === null) return 'at /client: must be object';
  const client = /** @type {Record<string, unknown>} */ (p.client);
  for (const key of ['id', 'version', 'platform', 'mode']) {
    if (!(key in client)) return `at /client: must have required property '${key}'`;
  }
  if (!CLIENT_IDS.includes(/** @type {string} */ (client.id)))
    return 'at /client/id: must be equal to one of the allowed values';
  if (typeof client.version !== 'string') return 'at /client/version: must be string';
  if (typeof client.platform !== 'string') return 'at /client/platform: must be string';
  if (!CLIENT_MODES.includes(/** @type {string} */ (client.mode)))
    return 'at /client/mode: must be equal to one of the allowed values';
  if ('auth' in p && (typeof p.auth !== 'object' || p.auth === null)) return 'at /auth: must be object';
  return null;
}

/**
 * Token/password check plus the real "missing device identity" rule: with no shared secret at all a
 * non-paired client is told to pair (NOT_PAIRED), with a wrong one it gets the mismatch error.
 * @param {import('./gateway-runtime.mjs').EnforcedAuth} auth
 * @param {ConnectParams['auth']} provided
 * @returns {{ ok: true, method: string } | { ok: false, error: ErrorShape, reason: string | null }}
 */
function checkCredentials(auth, provided) {
  if (auth.mode === 'none') return { ok: true, method: 'none' };
  const secret = auth.mode === 'token' ? provided?.token : provided?.password;
  if (typeof secret !== 'string' || secret.length === 0) {
    return {
      ok: false,
      reason: null,
      error: errorShape('NOT_PAIRED', msg.DEVICE_IDENTITY_REQUIRED_MESSAGE, {
        details: { code: 'DEVICE_IDENTITY_REQUIRED' },
      }),
    };
  }
  const expected = auth.mode === 'token' ? auth.token : auth.password;
  if (sameSecret(secret, expected)) return { ok: true, method: auth.mode };
  const details =
    auth.mode === 'token'
      ? { code: 'AUTH_TOKEN_MISMATCH', authReason: 'token_mismatch' }
      : { code: 'AUTH_PASSWORD_MISMATCH', authReason: 'password_mismatch' };
  const message =
    auth.mode === 'token' ? msg.AUTH_TOKEN_MISMATCH_MESSAGE : msg.AUTH_PASSWORD_MISMATCH_MESSAGE;
  return {
    ok: false,
    reason: details.authReason,
    error: errorShape('INVALID_REQUEST', message, {
      details: { ...details, canRetryWithDeviceToken: false, recommendedNextStep: 'update_auth_credentials' },
    }),
  };
}

/** Constant-time compare of two strings of any length. @param {string} a @param {string} b */
function sameSecret(a, b) {
  const digest = (/** @type {string} */ s) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * A local CLI (and a same-host backend) keeps the scopes it asked for with a shared secret; every other
 * client without a device identity is cut to none, which still allows `health` (ref §5 "Scopes").
 * @param {ConnectParams} params @param {string} method
 */
function keepsRequestedScopes(params, method) {
  if (method === 'none') return true;
  const { id, mode } = params.client;
  return (id === 'cli' && mode === 'cli') || (id === 'gateway-client' && mode === 'backend');
}

/** @param {string} code @param {string} message @param {Record<string, unknown>} [extra] @returns {ErrorShape} */
function errorShape(code, message, extra = {}) {
  return { code, message, ...extra };
}

/** Client-supplied text goes into the log as one short printable token. @param {string} value */
function formatForLog(value) {
  return value.replace(/[^\x21-\x7e]/g, '?').slice(0, 64);
}

/** WebSocket close reasons are capped; cut on a character boundary like the real helper. @param {string} reason */
function truncateCloseReason(reason) {
  if (Buffer.byteLength(reason) <= CLOSE_REASON_MAX_BYTES) return reason;
  let cut = '';
  for (const char of reason) {
    if (Buffer.byteLength(cut + char) > CLOSE_REASON_MAX_BYTES) break;
    cut += char;
  }
  return cut;
}
