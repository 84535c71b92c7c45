// @ts-check
// Reads openclaw.json (JSON5, ref §3) and applies the real run command's startup guards, in the real order:
// gateway.mode guard, password guard, mode=none warning, non-loopback refusal (dist/run-*.mjs runGatewayCommand).
import { readFileSync } from 'node:fs';
import JSON5 from 'json5';
import * as msg from './messages.mjs';

/**
 * @typedef {{ kind: 'missing' }
 *   | { kind: 'unparsable' }
 *   | { kind: 'loaded', gateway: Record<string, unknown>, raw: string }} ConfigFile
 *
 * @typedef {{ mode: 'token', token: string | null }
 *   | { mode: 'password', password: string }
 *   | { mode: 'none' }} AuthPlan  token null = no token configured: the gateway makes a runtime-only one.
 *
 * @typedef {{ ok: false, exitCode: number, errors: string[] }} Refusal
 * @typedef {{ ok: true, bind: string, auth: AuthPlan, warnings: string[] }} StartPlan
 */

const BIND_MODES = new Set(['loopback', 'lan', 'tailnet', 'auto', 'custom']);
/** The published placeholders the real gateway rejects, plus blank/undefined/null (known-weak-gateway-secrets). */
const WEAK_TOKENS = new Set(['', 'undefined', 'null', 'change-me-to-a-long-random-token', 'change-me-now']);
const EX_CONFIG = 78;

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {string} path @returns {ConfigFile} */
export function readConfigFile(path) {
  let raw;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const parsed = JSON5.parse(raw);
    if (!isRecord(parsed)) return { kind: 'unparsable' };
    return { kind: 'loaded', gateway: isRecord(parsed.gateway) ? parsed.gateway : {}, raw };
  } catch {
    return { kind: 'unparsable' };
  }
}

/** @param {unknown} token */
export function isWeakToken(token) {
  return typeof token === 'string' && WEAK_TOKENS.has(token.trim());
}

/**
 * Checked before "resolving authentication…" in the real command; a bad value is a flag-style error, exit 1.
 * @param {ConfigFile} file
 * @returns {{ ok: true, bind: string } | Refusal}
 */
export function resolveBind(file) {
  const bind = file.kind === 'loaded' ? file.gateway.bind : undefined;
  if (bind === undefined) return { ok: true, bind: 'loopback' };
  if (typeof bind === 'string' && BIND_MODES.has(bind)) return { ok: true, bind };
  return { ok: false, exitCode: 1, errors: [msg.INVALID_BIND] };
}

/**
 * @param {ConfigFile} file
 * @param {{ bind: string, auditPath: string }} context
 * @returns {StartPlan | Refusal}
 */
export function planStart(file, { bind, auditPath }) {
  if (file.kind === 'missing') return { ok: false, exitCode: EX_CONFIG, errors: [msg.MISSING_CONFIG] };
  const mode = file.kind === 'loaded' ? file.gateway.mode : undefined;
  if (mode === undefined) {
    return {
      ok: false,
      exitCode: EX_CONFIG,
      errors: [msg.MISSING_GATEWAY_MODE, msg.configWriteAudit(auditPath)],
    };
  }
  if (mode !== 'local') {
    return {
      ok: false,
      exitCode: EX_CONFIG,
      errors: [msg.wrongGatewayMode(String(mode)), msg.configWriteAudit(auditPath)],
    };
  }
  const gateway = file.kind === 'loaded' ? file.gateway : {};
  const auth = isRecord(gateway.auth) ? gateway.auth : {};
  const token = typeof auth.token === 'string' ? auth.token : null;
  const password = typeof auth.password === 'string' && auth.password.trim() ? auth.password : null;
  const authMode = auth.mode ?? (token !== null ? 'token' : password !== null ? 'password' : undefined);
  /** @type {string[]} */
  const warnings = [];

  if (authMode === 'password') {
    if (password === null) return { ok: false, exitCode: EX_CONFIG, errors: [msg.PASSWORD_NOT_CONFIGURED] };
    return { ok: true, bind, auth: { mode: 'password', password }, warnings };
  }
  if (authMode === 'none') warnings.push(msg.AUTH_MODE_NONE_WARNING);
  // Observed on 2026.9.x: with no auth block at all, loopback starts with a runtime token while a
  // non-loopback bind is refused; an explicit token mode without a token starts on any bind.
  const hasNoAuth = authMode === undefined || authMode === 'none';
  if (bind !== 'loopback' && hasNoAuth) {
    return { ok: false, exitCode: EX_CONFIG, errors: [msg.refusingToBind(bind)] };
  }
  if (authMode === 'none') return { ok: true, bind, auth: { mode: 'none' }, warnings };
  if (authMode === undefined || authMode === 'token')
    return { ok: true, bind, auth: { mode: 'token', token }, warnings };
  return {
    ok: false,
    exitCode: EX_CONFIG,
    errors: [`[stub-gateway] gateway.auth.mode ${JSON.stringify(authMode)} is not mirrored by the stub`],
  };
}
