// Test helpers around the stub gateway (test/stub-gateway/openclaw.mjs): instance state dirs written the
// way the product writes them, spawning with guaranteed cleanup, loopback port and probe utilities, and a
// minimal WebSocket health probe that doubles as a reference for the product's own probe.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const STUB_ENTRY = fileURLToPath(new URL('../stub-gateway/openclaw.mjs', import.meta.url));

/** A gateway token as the product generates them. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

// ---- state dirs and knobs ----

/** Keys of `gateway` in openclaw.json; anything given here replaces the product default. */
export interface GatewayConfigOverrides {
  mode?: unknown;
  bind?: unknown;
  auth?: unknown;
  [key: string]: unknown;
}

export interface StateDirOptions extends GatewayConfigOverrides {
  port?: number;
  /** Omit for a token-mode config without a token. */
  token?: string;
}

/**
 * A fresh instance state dir under `root` (0700) with the openclaw.json the product writes (0600):
 * `gateway.mode:"local"`, `bind:"loopback"`, `port`, `auth:{mode:"token", token}`.
 */
export function makeStateDir(root: string, options: StateDirOptions = {}): string {
  const { port, token, ...overrides } = options;
  const stateDir = mkdtempSync(join(root, 'state-'));
  chmodSync(stateDir, 0o700);
  const gateway = {
    mode: 'local',
    bind: 'loopback',
    ...(port === undefined ? {} : { port }),
    auth: { mode: 'token', ...(token === undefined ? {} : { token }) },
    ...overrides,
  };
  writeFileSync(join(stateDir, 'openclaw.json'), `${JSON.stringify({ gateway }, null, 2)}\n`, {
    mode: 0o600,
  });
  return stateDir;
}

/** Fault knobs, read by the stub at each start (test/stub-gateway/README.md). */
export interface StubKnobs {
  exitAfterMs?: number;
  exitCode?: number;
  listen?: boolean;
  closePortAfterMs?: number;
  startDelayMs?: number;
  crashSignal?: NodeJS.Signals;
  crashAfterMs?: number;
  ignoreSigterm?: boolean;
  readyDelayMs?: number;
  freezeAfterMs?: number;
  freezeForMs?: number;
}

export function setKnobs(stateDir: string, knobs: StubKnobs | Record<string, unknown>): void {
  writeFileSync(join(stateDir, 'stub-gateway.json'), `${JSON.stringify(knobs)}\n`);
}

// ---- processes ----

export interface StubExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StubProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Both streams in arrival order, the way launchd merges them into one log file. */
  readonly output: () => string;
  /** Null while running. */
  readonly exit: () => StubExit | null;
  waitForOutput(pattern: RegExp | string, timeoutMs?: number): Promise<void>;
  waitForExit(timeoutMs?: number): Promise<StubExit>;
  /** Send a signal and wait for the process to end. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<StubExit>;
}

export interface SpawnOptions {
  /** Replaces `gateway --port <port>`. */
  args?: string[];
  /** Added to the child env; undefined removes a key. */
  env?: Record<string, string | undefined>;
}

const running = new Set<ChildProcess>();

/**
 * Start the stub as launchd would: `<node> openclaw.mjs gateway --port <port>` with OPENCLAW_STATE_DIR,
 * (port null: no `--port`, so the env or config decides),
 * cwd = state dir. Inherited OPENCLAW_* and NODE_OPTIONS are dropped so a developer's shell can't leak in.
 * Every child is tracked; call `killAllStubs()` in afterEach.
 */
export function spawnStub(stateDir: string, port: number | null, options: SpawnOptions = {}): StubProcess {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('OPENCLAW_') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  env.OPENCLAW_STATE_DIR = stateDir;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const args = options.args ?? (port === null ? ['gateway'] : ['gateway', '--port', String(port)]);
  const child = spawn(process.execPath, [STUB_ENTRY, ...args], {
    cwd: stateDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('stub gateway failed to spawn');
  running.add(child);

  let stdout = '';
  let stderr = '';
  let merged = '';
  let exit: StubExit | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    merged += chunk;
    notify();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    merged += chunk;
    notify();
  });
  const exited = new Promise<StubExit>((resolve) => {
    // 'close' (not 'exit') so all output has been read by the time a test looks at it.
    child.on('close', (code, signal) => {
      running.delete(child);
      exit = { code, signal };
      resolve(exit);
      notify();
    });
  });

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `stub gateway: timed out after ${timeoutMs}ms waiting for ${what}\n--- output ---\n${merged}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      const listener = () => void attempt();
      if (!attempt()) listeners.add(listener);
    });

  const stub: StubProcess = {
    child,
    pid: child.pid,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => merged,
    exit: () => exit,
    waitForOutput: (pattern, timeoutMs = 5000) =>
      waitFor(
        () =>
          (typeof pattern === 'string' ? merged.includes(pattern) : pattern.test(merged)) ? true : undefined,
        timeoutMs,
        String(pattern),
      ).then(() => undefined),
    waitForExit: (timeoutMs = 5000) => waitFor(() => exit ?? undefined, timeoutMs, 'exit').then(() => exited),
    stop: (signal = 'SIGTERM', timeoutMs = 5000) => {
      if (exit === null) child.kill(signal);
      return stub.waitForExit(timeoutMs);
    },
  };
  return stub;
}

/** SIGKILL every stub still running and wait for them to go. Safe to call when none are. */
export async function killAllStubs(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

// Last resort if a test run dies without its afterEach: never leave a stub listening.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

// ---- ports and probes ----

/** A port the OS just handed out on loopback (and released again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** GET a probe path on loopback; null when nothing answers. */
export async function getProbe(
  port: number,
  path: string,
  method = 'GET',
): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      signal: AbortSignal.timeout(1000),
    });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}

async function waitForStatus200(port: number, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await getProbe(port, path))?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`GET ${path} on port ${port} did not answer 200 within ${timeoutMs}ms`);
}

/** Liveness: HTTP is up. */
export function waitForHealthz(port: number, timeoutMs = 5000): Promise<void> {
  return waitForStatus200(port, '/healthz', timeoutMs);
}

/** Readiness: the startup-sidecars window is over and WebSocket connects are admitted. */
export function waitForReadyz(port: number, timeoutMs = 5000): Promise<void> {
  return waitForStatus200(port, '/readyz', timeoutMs);
}

export type ProbeResult = { ok: true; bootId: string } | { ok: false; code: string };

interface ErrorFrame {
  code?: string;
  details?: { code?: string };
}

/**
 * The smallest health check over the gateway WebSocket (ref §5): wait for connect.challenge, connect as
 * a probe client with the shared token, call `health`. Failures come back as the most specific code
 * available: `details.code` (AUTH_TOKEN_MISMATCH, DEVICE_IDENTITY_REQUIRED), else the error code
 * (UNAVAILABLE while starting), else the transport's (ECONNREFUSED, TIMEOUT, CLOSED).
 */
export function probeHealth(port: number, token: string | undefined, timeoutMs = 2000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    let bootId = '';
    const finish = (result: ProbeResult) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 'TIMEOUT' }), timeoutMs);
    const failure = (error: ErrorFrame | undefined, fallback: string) =>
      finish({ ok: false, code: error?.details?.code ?? error?.code ?? fallback });
    ws.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, code: error.code ?? 'WS_ERROR' }));
    ws.on('close', () => finish({ ok: false, code: 'CLOSED' }));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'event' && frame.event === 'connect.challenge') {
        const params = {
          minProtocol: 4,
          maxProtocol: 4,
          client: { id: 'openclaw-probe', version: '0.1.0', platform: process.platform, mode: 'probe' },
          role: 'operator',
          scopes: [],
          caps: [],
          ...(token === undefined ? {} : { auth: { token } }),
        };
        ws.send(JSON.stringify({ type: 'req', id: 'connect', method: 'connect', params }));
      } else if (frame.type === 'res' && frame.id === 'connect') {
        if (!frame.ok) return failure(frame.error, 'CONNECT_FAILED');
        bootId = frame.payload.server.bootId;
        ws.send(JSON.stringify({ type: 'req', id: 'health', method: 'health', params: {} }));
      } else if (frame.type === 'res' && frame.id === 'health') {
        if (frame.ok && frame.payload?.ok === true) finish({ ok: true, bootId });
        else failure(frame.error, 'HEALTH_NOT_OK');
      }
    });
  });
}
