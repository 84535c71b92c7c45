// The few frames of the gateway's WebSocket protocol the fleet speaks (openclaw-gateway.md §5):
// the connect request of a probe client, and how to read replies and refusals.
const PROTOCOL = 4;

export function connectFrame(token: string): unknown {
  return {
    type: 'req',
    id: 'connect',
    method: 'connect',
    params: {
      minProtocol: PROTOCOL,
      maxProtocol: PROTOCOL,
      // A probe client needs no scope for `health` and no device identity on loopback.
      client: { id: 'openclaw-probe', version: '0.1.0', platform: 'macos', mode: 'probe' },
      role: 'operator',
      scopes: [],
      caps: [],
      auth: { token },
    },
  };
}

export interface Frame {
  type?: unknown;
  id?: unknown;
  event?: unknown;
  ok?: unknown;
  payload?: unknown;
  error?: unknown;
}

export function parseFrame(text: string): Frame | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Frame) : null;
  } catch {
    return null;
  }
}

export function bootIdOf(payload: unknown): string | null {
  const id = (payload as { server?: { bootId?: unknown } } | null)?.server?.bootId;
  return typeof id === 'string' ? id : null;
}

export interface Refusal {
  code: string;
  reason: string;
  /** Set when the gateway asked to retry (still starting its sidecars). */
  retryAfterMs?: number;
}

export function refusalOf(error: unknown): Refusal {
  const e = (error ?? {}) as {
    code?: unknown;
    retryAfterMs?: unknown;
    details?: { code?: unknown; reason?: unknown };
  };
  const code =
    typeof e.details?.code === 'string' ? e.details.code : typeof e.code === 'string' ? e.code : 'REJECTED';
  if (code === 'UNAVAILABLE') {
    const retry = typeof e.retryAfterMs === 'number' ? Math.min(Math.max(e.retryAfterMs, 50), 1000) : 250;
    const why = typeof e.details?.reason === 'string' ? ` (${e.details.reason})` : '';
    return { code, reason: `the gateway is still starting${why}`, retryAfterMs: retry };
  }
  const reason =
    code === 'AUTH_TOKEN_MISMATCH'
      ? 'token rejected by the gateway (AUTH_TOKEN_MISMATCH): openclaw.json and the running gateway disagree'
      : `the gateway refused the call (${code})`;
  return { code, reason };
}
