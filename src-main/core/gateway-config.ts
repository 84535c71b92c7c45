// The part of an instance's openclaw.json the fleet cares about. The gateway accepts JSON5
// (comments, unquoted keys, trailing commas), so reading must too; the product writes plain JSON.
import JSON5 from 'json5';
import type { ConfigFileFact } from './fleet-facts.ts';

export interface GatewayConfigView {
  mode: string | null;
  bind: string | null;
  port: number | null;
  authMode: string | null;
  /** The token itself stays in this record and in the file; never print it. */
  token: string | null;
}

export type ConfigParse =
  { ok: true; raw: Record<string, unknown>; view: GatewayConfigView } | { ok: false; message: string };

/** Tokens the gateway refuses at startup (openclaw-gateway.md §3). */
export const PLACEHOLDER_TOKENS: readonly string[] = [
  'undefined',
  'null',
  'change-me-to-a-long-random-token',
  'change-me-now',
];

export function parseGatewayConfig(text: string): ConfigParse {
  let raw: unknown;
  try {
    raw = JSON5.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `not valid JSON5 (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!isRecord(raw)) return { ok: false, message: 'the top level is not an object' };
  const gateway = isRecord(raw.gateway) ? raw.gateway : {};
  const auth = isRecord(gateway.auth) ? gateway.auth : {};
  return {
    ok: true,
    raw,
    view: {
      mode: stringOrNull(gateway.mode),
      bind: stringOrNull(gateway.bind),
      port: typeof gateway.port === 'number' && Number.isInteger(gateway.port) ? gateway.port : null,
      authMode: stringOrNull(auth.mode),
      token: stringOrNull(auth.token),
    },
  };
}

/** Parses a config file's text, when it could be read. */
export function parseConfigFact(config: ConfigFileFact): ConfigParse | null {
  return config.text == null ? null : parseGatewayConfig(config.text);
}

export type TokenProblem = 'missing' | 'blank' | 'placeholder' | null;

export function tokenProblem(token: string | null): TokenProblem {
  if (token === null) return 'missing';
  if (token.trim() === '') return 'blank';
  if (PLACEHOLDER_TOKENS.includes(token.trim())) return 'placeholder';
  return null;
}

/** A new instance's config: local mode, loopback only, its port, token auth with its own token. */
export function renderNewGatewayConfig(port: number, token: string): string {
  const config = { gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token } } };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
