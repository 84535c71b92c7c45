// @ts-check
// What the HTTP probes and the WebSocket methods report about this process: identity (bootId),
// lifecycle phase, uptime and the cached `health` snapshot.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createRuntimeMetrics } from './runtime-metrics.mjs';

/** The real health result is cached: `ts` stayed the same across calls for a while (ref §5). */
const HEALTH_CACHE_MS = 2000;

/**
 * @typedef {'starting' | 'ready' | 'draining'} Phase  starting = startup-sidecars still pending
 * @typedef {{ mode: 'token', token: string } | { mode: 'password', password: string } | { mode: 'none' }} EnforcedAuth
 *   the secret connects are checked against (a configured token or the runtime-only one)
 */

/** @param {{ stateDir: string, auth: EnforcedAuth, configHash: string | null }} options */
export function createGatewayRuntime({ stateDir, auth, configHash }) {
  const startedAt = Date.now() - Math.round(process.uptime() * 1000);
  const metrics = createRuntimeMetrics();
  /** @type {Phase} */
  let phase = 'starting';
  /** @type {{ at: number, payload: Record<string, unknown> } | null} */
  let cachedHealth = null;

  const sessionsPath = join(stateDir, 'agents', 'main', 'sessions', 'sessions.json');

  function buildHealth() {
    const begin = performance.now();
    const sessions = { path: sessionsPath, count: 0, recent: [] };
    return {
      ok: true,
      ts: Date.now(),
      durationMs: Math.round(performance.now() - begin),
      plugins: { loaded: [], errors: [], unavailable: [] },
      configReload: { hotReloadStatus: 'idle' },
      channels: {},
      channelOrder: [],
      channelLabels: {},
      heartbeatSeconds: 0,
      defaultAgentId: 'main',
      agents: [{ agentId: 'main', isDefault: true, heartbeat: { enabled: false }, sessions }],
      sessions,
      modelRuntime: { degraded: false, pendingAgents: [] },
      eventLoop: metrics.eventLoop(),
    };
  }

  return {
    /** New on every process start: the product's restart detector (ref §5, hello-ok). */
    bootId: randomUUID(),
    auth,
    configHash,
    metrics,
    phase: () => phase,
    /** @param {Phase} next */
    setPhase: (next) => {
      phase = next;
    },
    uptimeMs: () => Date.now() - startedAt,
    health() {
      const now = Date.now();
      if (!cachedHealth || now - cachedHealth.at > HEALTH_CACHE_MS)
        cachedHealth = { at: now, payload: buildHealth() };
      return cachedHealth.payload;
    },
  };
}

/** @typedef {ReturnType<typeof createGatewayRuntime>} GatewayRuntime */
