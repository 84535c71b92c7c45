// @ts-check
// Where an instance's files live and which port it takes (ref §2).
import { homedir } from 'node:os';
import { join } from 'node:path';

/** @param {string} value */
function expandHome(value) {
  return value === '~' || value.startsWith('~/') ? join(homedir(), value.slice(1)) : value;
}

/**
 * The real gateway falls back to ~/.openclaw. The stub refuses instead: a test or demo that forgot
 * OPENCLAW_STATE_DIR must never touch the developer's real state.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function resolveStateDir(env) {
  const raw = env.OPENCLAW_STATE_DIR?.trim();
  return raw ? expandHome(raw) : null;
}

/** @param {NodeJS.ProcessEnv} env @param {string} stateDir */
export function resolveConfigPath(env, stateDir) {
  const raw = env.OPENCLAW_CONFIG_PATH?.trim();
  return raw ? expandHome(raw) : join(stateDir, 'openclaw.json');
}

/** Where the real guard says it audits config writes (`Config write audit: ...`). @param {string} stateDir */
export function configAuditPath(stateDir) {
  return join(stateDir, 'logs', 'config-audit.jsonl');
}

/** @param {unknown} raw @returns {number | null} */
export function parsePort(raw) {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1 && raw <= 65535 ? raw : null;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) return null;
  return parsePort(Number(raw.trim()));
}

/** FNV-1a, 32 bit, over the UTF-8 bytes. @param {string} text */
function fnv1a32(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const DEFAULT_PORT = 18789;

/** A named profile with no explicit port gets a hash port, not 18789 (ref §0 item 10). @param {string | undefined} profile */
export function defaultPortFor(profile) {
  const name = profile?.trim().toLowerCase();
  if (!name || name === 'default') return DEFAULT_PORT;
  return 20000 + (fnv1a32(name) % 40000);
}

/**
 * `--port`, then OPENCLAW_GATEWAY_PORT, then gateway.port, then the default (ref §2 "Port precedence").
 * @param {{ cliPort: string | undefined, env: NodeJS.ProcessEnv, configPort: unknown }} sources
 * @returns {{ ok: true, port: number } | { ok: false, reason: 'invalid-cli-port' | 'invalid-config-port' }}
 */
export function resolvePort({ cliPort, env, configPort }) {
  if (cliPort !== undefined) {
    const port = parsePort(cliPort);
    return port === null ? { ok: false, reason: 'invalid-cli-port' } : { ok: true, port };
  }
  const envPort = parsePort(env.OPENCLAW_GATEWAY_PORT);
  if (envPort !== null) return { ok: true, port: envPort };
  if (configPort !== undefined) {
    const port = parsePort(configPort);
    return port === null ? { ok: false, reason: 'invalid-config-port' } : { ok: true, port };
  }
  return { ok: true, port: defaultPortFor(env.OPENCLAW_PROFILE) };
}
