// Reads what the legacy `ai.openclaw.gateway` job runs. `openclaw gateway install` writes
// `/bin/sh <stateDir>/service-env/<label>-env-wrapper.sh <env file> <node> [node flags] <entry> gateway
// --port <port>` with no EnvironmentVariables (openclaw-gateway.md §1); older installs and hand-made
// plists use the contract form `<node> <entry> gateway --port <port>`. Both give the node and the
// entry the new instance keeps running.
import { joinPath } from './paths.ts';
import { parsePortArgument } from './plist-lint-program.ts';

export const LEGACY_NAME = 'gateway';
export const LEGACY_LABEL = `ai.openclaw.${LEGACY_NAME}`;

export interface LegacyProgram {
  form: 'env-wrapper' | 'contract';
  nodePath: string;
  entryPath: string;
  /** `--port N` or `--port=N` after `gateway`; null when the arguments carry none. */
  port: number | null;
  /** The wrapper's env file (env-wrapper form), where the gateway's environment lives. */
  envFilePath: string | null;
  /** Node flags and trailing arguments the contract's `[node, entry, gateway, --port, N]` leaves out. */
  dropped: string[];
}

export type LegacyProgramParse = { ok: true; program: LegacyProgram } | { ok: false; message: string };

const WRAPPER_SUFFIX = '-env-wrapper.sh';

export function parseLegacyProgram(value: unknown): LegacyProgramParse {
  if (
    !Array.isArray(value) ||
    !value.every((v): v is string => typeof v === 'string') ||
    value.length === 0
  ) {
    return { ok: false, message: 'ProgramArguments is missing or not a list of strings' };
  }
  const wrapped = isShell(value[0]!) && (value[1] ?? '').endsWith(WRAPPER_SUFFIX) && value.length > 3;
  const rest = wrapped ? value.slice(3) : value;
  const [node = '', ...afterNode] = rest;
  const dropped: string[] = [];
  let i = 0;
  // The installer puts the heap budget (--max-old-space-size=...) between node and the entry.
  while (i < afterNode.length && afterNode[i]!.startsWith('-')) dropped.push(afterNode[i++]!);
  const entry = afterNode[i];
  if (entry === 'gateway' || afterNode[i + 1] !== 'gateway' || entry === undefined) {
    return {
      ok: false,
      message:
        `ProgramArguments does not run <node> <openclaw entry> gateway (it runs ${rest.slice(0, 3).join(' ')} ...)` +
        (entry === 'gateway' ? '; a --wrapper install hides the node and the entry' : ''),
    };
  }
  let port: number | null = null;
  const tail = afterNode.slice(i + 2);
  for (let t = 0; t < tail.length; t++) {
    const arg = tail[t]!;
    if (arg === '--port' && port === null) port = parsePortArgument(tail[++t]);
    else if (arg.startsWith('--port=') && port === null)
      port = parsePortArgument(arg.slice('--port='.length));
    else dropped.push(arg);
  }
  return {
    ok: true,
    program: {
      form: wrapped ? 'env-wrapper' : 'contract',
      nodePath: node,
      entryPath: entry,
      port,
      envFilePath: wrapped ? value[2]! : null,
      dropped,
    },
  };
}

function isShell(program: string): boolean {
  return /(^|\/)(sh|bash|zsh)$/.test(program);
}

/**
 * The env file the wrapper sources: a header comment, then `export KEY='value'` lines with single
 * quotes escaped as `'\''`. Values may be secrets (proxy credentials); callers keep them in memory.
 */
export function parseServiceEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match === null) continue;
    const [, key = '', raw = ''] = match;
    env[key] = unquote(raw.trim());
  }
  return env;
}

function unquote(raw: string): string {
  if (!raw.startsWith("'")) return raw;
  // 'a'\''b' is the shell's way of writing a'b inside single quotes.
  return raw
    .split("'\\''")
    .map((part) => part.replace(/^'/, '').replace(/'$/, ''))
    .join("'");
}

/**
 * Whether the job keeps its state in the root container. No OPENCLAW_STATE_DIR means the gateway's
 * default `~/.openclaw`, which is the root (openclaw-gateway.md §2).
 */
export function usesRoot(stateDir: string | null, root: string): boolean {
  return stateDir === null || stateDir.trim() === '' || joinPath(stateDir.trim()) === joinPath(root);
}
