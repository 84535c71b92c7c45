#!/usr/bin/env node
// @ts-check
// Stub OpenClaw gateway for tests and the demo. Invoked exactly like the real entry a LaunchAgent runs:
//   <node> openclaw.mjs gateway --port <port>   with OPENCLAW_STATE_DIR set
// It reproduces what a fleet manager can observe of openclaw@2026.9.6 (docs/reference/openclaw-gateway.md):
// startup refusals and exit codes, the state lock, loopback HTTP probes, the WebSocket handshake and
// health methods, log lines, and clean SIGTERM shutdown. Fault knobs: see README.md in this folder.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseGatewayArgs } from './lib/cli-args.mjs';
import { isWeakToken, planStart, readConfigFile, resolveBind } from './lib/config.mjs';
import { createConsoleLog } from './lib/console-log.mjs';
import { createGatewayRuntime } from './lib/gateway-runtime.mjs';
import { createProbeHandler } from './lib/http-probes.mjs';
import { readKnobs } from './lib/knobs.mjs';
import * as msg from './lib/messages.mjs';
import { configAuditPath, resolveConfigPath, resolvePort, resolveStateDir } from './lib/paths.mjs';
import { findPortListeners } from './lib/port-diagnostics.mjs';
import { tryAcquireStateLock } from './lib/state-lock.mjs';
import { attachGatewayWebSocket } from './lib/ws-protocol.mjs';

const EX_CONFIG = 78;
/** The real second starter gives up on the lifecycle lock after about 1 s (ref §4). */
const LOCK_WAIT_MS = 1000;
const LOCK_POLL_MS = 100;
/** The real gateway retries a busy port 20 × 500 ms (~10 s). Shortened so EADDRINUSE tests stay fast. */
const BIND_ATTEMPTS = 4;
const BIND_RETRY_MS = 100;
/** The real startup-sidecars window is ~1.5 s on a 2-vCPU VM (ref §5); knob readyDelayMs overrides. */
const DEFAULT_READY_DELAY_MS = 300;
/** How long a polite WebSocket close gets before the remaining sockets are dropped. */
const CLOSE_GRACE_MS = 200;

/** @typedef {import('./lib/state-lock.mjs').HeldLock} HeldLock */
/** @typedef {import('./lib/knobs.mjs').Knobs} Knobs */

const log = createConsoleLog();
/** @type {HeldLock | null} */
let heldLock = null;
// Any exit that runs JS (normal, process.exit, the exitAfterMs knob) gives the lock back, as the real
// gateway's shutdown does. Dying by a signal skips this and leaves a stale lock, also as in reality.
process.on('exit', () => heldLock?.release());

main().catch((error) => {
  log.error(null, msg.uncaughtException(error instanceof Error ? error.message : String(error)));
  log.flushAndExit(1);
});

async function main() {
  const args = parseGatewayArgs(process.argv.slice(2));
  if (!args.ok) {
    // Commander prints flag errors itself, before the console gets its timestamp prefix.
    process.stderr.write(`${args.message}\n`);
    return log.flushAndExit(1);
  }
  const stateDir = resolveStateDir(process.env);
  if (!stateDir) {
    log.error('stub-gateway', 'OPENCLAW_STATE_DIR is not set; the stub never falls back to ~/.openclaw');
    return log.flushAndExit(1);
  }
  process.title = 'openclaw-gateway';
  const knobs = readKnobs(stateDir, (warning) => log.warn('stub-gateway', warning));
  scheduleProcessFaults(knobs);

  log.info('gateway', msg.LOADING_CONFIGURATION);
  const configPath = resolveConfigPath(process.env, stateDir);
  const file = readConfigFile(configPath);
  const portChoice = resolvePort({
    cliPort: args.rawPort,
    env: process.env,
    configPort: file.kind === 'loaded' ? file.gateway.port : undefined,
  });
  if (!portChoice.ok) {
    if (portChoice.reason === 'invalid-cli-port') return refuse(1, [msg.INVALID_PORT]);
    return refuse(EX_CONFIG, [msg.invalidConfigPort(configPath)]);
  }
  const port = portChoice.port;
  const bindChoice = resolveBind(file);
  if (!bindChoice.ok) return refuse(bindChoice.exitCode, bindChoice.errors);

  log.info('gateway', msg.RESOLVING_AUTHENTICATION);
  const plan = planStart(file, { bind: bindChoice.bind, auditPath: configAuditPath(stateDir) });
  if (!plan.ok) return refuse(plan.exitCode, plan.errors);
  for (const warning of plan.warnings) log.warn('gateway', warning);
  log.info('gateway', msg.STARTING);

  const lock = await acquireStateLock({ stateDir, configPath, port });
  if (!lock.ok) {
    log.error('gateway', msg.REQUIRES_STATE_MIGRATION);
    return refuse(EX_CONFIG, [msg.LIFECYCLE_CONTENTION]);
  }
  heldLock = lock;
  const stop = installStopHandlers(knobs);

  const auth = resolveEnforcedAuth(plan.auth);
  if (!auth) return refuse(EX_CONFIG, [msg.WEAK_TOKEN]);
  if (plan.bind !== 'loopback') {
    log.warn('stub-gateway', `gateway.bind=${plan.bind} requested; the stub listens on 127.0.0.1 only`);
  }
  const runtime = createGatewayRuntime({
    stateDir,
    auth,
    configHash: file.kind === 'loaded' ? createHash('sha256').update(file.raw).digest('hex') : null,
  });
  stop.attachRuntime(runtime);

  log.info('gateway', msg.STARTING_HTTP_SERVER);
  // Alive but silent: lets tests see a running pid whose port never opens.
  if (knobs.listen === false) return;
  if (knobs.startDelayMs) await sleep(knobs.startDelayMs);
  if (stop.requested()) return;

  const server = createServer(createProbeHandler(runtime));
  const sockets = attachGatewayWebSocket(server, { runtime, log });
  const bindError = await listenWithRetry(server, port);
  if (bindError) return failToBind(bindError, port);
  // A stop that arrived while binding has already released the lock and is exiting.
  if (stop.requested()) return void server.close();
  stop.attachServer(server, sockets);
  log.info('gateway', msg.httpServerListening(performance.now() / 1000));

  if (knobs.closePortAfterMs !== undefined) {
    setTimeout(() => closeServer(server, sockets), knobs.closePortAfterMs);
  }
  await sleep(knobs.readyDelayMs ?? DEFAULT_READY_DELAY_MS);
  if (runtime.phase() !== 'starting') return;
  runtime.setPhase('ready');
  log.info('gateway', msg.READY);
}

/**
 * Startup refusal: every line to stderr, then exit. The lock (if held) goes back via the exit hook.
 * @param {number} exitCode @param {string[]} errors
 */
function refuse(exitCode, errors) {
  for (const error of errors) log.error(null, error);
  log.flushAndExit(exitCode);
}

/**
 * Wait out a live owner for about a second, taking the lock as soon as it is free or stale.
 * @param {{ stateDir: string, configPath: string, port: number }} owner
 */
async function acquireStateLock(owner) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const attempt = tryAcquireStateLock(owner);
    if (attempt.ok || Date.now() >= deadline) return attempt;
    await sleep(LOCK_POLL_MS);
  }
}

/**
 * The secret connects are checked against, or null when the configured token must be refused.
 * A token-mode config without a token gets a runtime-only one that nobody else knows (ref §3).
 * @param {import('./lib/config.mjs').AuthPlan} plan
 * @returns {import('./lib/gateway-runtime.mjs').EnforcedAuth | null}
 */
function resolveEnforcedAuth(plan) {
  if (plan.mode === 'none') return plan;
  if (plan.mode === 'password') {
    log.redact(plan.password);
    return plan;
  }
  if (plan.token !== null) {
    if (isWeakToken(plan.token)) return null;
    log.redact(plan.token);
    return { mode: 'token', token: plan.token };
  }
  const token = randomBytes(24).toString('hex');
  log.redact(token);
  log.warn('gateway', msg.RUNTIME_TOKEN_WARNING);
  log.info('gateway', msg.RUNTIME_TOKEN_PAIRED);
  return { mode: 'token', token };
}

/**
 * @param {import('node:http').Server} server
 * @param {number} port
 * @returns {Promise<NodeJS.ErrnoException | null>} the last bind error, or null once listening
 */
async function listenWithRetry(server, port) {
  for (let attempt = 1; ; attempt += 1) {
    const error = await listenOnce(server, port);
    // A port in TIME_WAIT after a quick restart frees up within a few retries.
    if (error?.code !== 'EADDRINUSE' || attempt >= BIND_ATTEMPTS) return error;
    await sleep(BIND_RETRY_MS);
  }
}

/** @param {import('node:http').Server} server @param {number} port @returns {Promise<NodeJS.ErrnoException | null>} */
function listenOnce(server, port) {
  return new Promise((resolve) => {
    /** @param {NodeJS.ErrnoException} error */
    const onError = (error) => resolve(error);
    server.once('error', onError);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', onError);
      resolve(null);
    });
  });
}

/** @param {NodeJS.ErrnoException} error @param {number} port */
function failToBind(error, port) {
  if (error.code !== 'EADDRINUSE') {
    return refuse(1, [
      `Gateway failed to start: failed to bind gateway socket on ws://127.0.0.1:${port}: ${error}`,
    ]);
  }
  const lines = [msg.addressInUse(port), msg.portAlreadyInUse(port)];
  for (const listener of findPortListeners(port)) lines.push(msg.portListenerLine(listener));
  return refuse(1, lines);
}

/**
 * @param {import('node:http').Server} server
 * @param {{ closeAll: () => void }} sockets
 */
function closeServer(server, sockets) {
  return new Promise((resolve) => {
    sockets.closeAll();
    server.close(() => resolve(undefined));
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}

/**
 * SIGTERM/SIGINT handling as in the real run loop: log, close servers, release the lock, exit 0.
 * Installed once the lock is held; before that a signal simply kills the process, as it does the real one.
 * @param {Knobs} knobs
 */
function installStopHandlers(knobs) {
  /** @type {import('./lib/gateway-runtime.mjs').GatewayRuntime | null} */
  let runtime = null;
  /** @type {{ server: import('node:http').Server, sockets: { closeAll: () => void } } | null} */
  let listening = null;
  let stopping = false;

  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    log.info('gateway', msg.signalReceived(signal));
    if (stopping) {
      log.info('gateway', msg.signalDuringShutdown(signal));
      return;
    }
    stopping = true;
    log.info('gateway', msg.shuttingDown(signal));
    runtime?.setPhase('draining');
    // Mirrors a shutdown that hangs: only SIGKILL (launchd's ExitTimeOut) ends the process.
    if (signal === 'SIGTERM' && knobs.ignoreSigterm) return;
    void shutDown();
  };

  const shutDown = async () => {
    const begin = performance.now();
    if (listening) await closeServer(listening.server, listening.sockets);
    heldLock?.release();
    heldLock = null;
    log.info('shutdown', msg.completedCleanly(Math.round(performance.now() - begin)));
    log.flushAndExit(0);
  };

  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    requested: () => stopping,
    /** @param {import('./lib/gateway-runtime.mjs').GatewayRuntime} value */
    attachRuntime: (value) => {
      runtime = value;
    },
    /** @param {import('node:http').Server} server @param {{ closeAll: () => void }} sockets */
    attachServer: (server, sockets) => {
      listening = { server, sockets };
    },
  };
}

/**
 * exitAfterMs, crashSignal and freezeAfterMs knobs, timed from process start. A keep-alive timer holds the process up
 * when nothing else does (listen:false, closePortAfterMs): a real gateway whose port died is still a pid.
 * @param {Knobs} knobs
 */
function scheduleProcessFaults(knobs) {
  setInterval(() => {}, 1 << 30);
  if (knobs.exitAfterMs !== undefined) {
    const code = knobs.exitCode ?? 1;
    const fault = `stub-gateway fault: exitAfterMs=${knobs.exitAfterMs} exitCode=${code}`;
    setTimeout(() => {
      // Exit 0 on its own is what a launchd-supervised duplicate does ("leaving it in control");
      // any other code looks like the real entry's uncaught-exception exit.
      if (code === 0) log.info('gateway', msg.LEAVING_IN_CONTROL);
      else log.error(null, msg.uncaughtException(fault));
      log.flushAndExit(code);
    }, knobs.exitAfterMs);
  }
  if (knobs.crashSignal !== undefined) {
    const signal = knobs.crashSignal;
    setTimeout(() => {
      // Drop our handlers so SIGTERM/SIGINT take their default, fatal action too. No log line: a crash
      // leaves none, which is how the troubleshooting doc tells crashes from clean stops (ref §7).
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
      process.kill(process.pid, signal);
    }, knobs.crashAfterMs ?? 0);
  }
  if (knobs.freezeAfterMs !== undefined) {
    const forMs = knobs.freezeForMs ?? 60_000;
    setTimeout(() => {
      log.warn(
        'stub-gateway',
        `fault: freezeAfterMs=${knobs.freezeAfterMs}; the event loop blocks for ${forMs} ms`,
      );
      // A hung event loop without burning a core: the process, its listening socket and open
      // connections stay (the kernel still accepts), but nothing is answered and signals wait.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, forMs);
    }, knobs.freezeAfterMs);
  }
}
