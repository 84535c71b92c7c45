// The launchctl side of the socket: send one request, starting the supervisor first if none is
// listening. Two clients may race to start it; a lock directory (mkdir is atomic) lets exactly
// one of them clean a stale socket and spawn, while the other waits until it can connect.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { encode, readLine, type SimReply, type SimRequest } from './protocol.ts';
import { socketPathFor, stateFiles, type SimConfig } from './sim-config.ts';

const START_TIMEOUT_MS = 15_000;
const STALE_LOCK_MS = 10_000;
const POLL_MS = 15;

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

class NotListening extends Error {}

function exchange(socketPath: string, request: SimRequest): Promise<SimReply> {
  return new Promise((resolveReply, reject) => {
    const socket = connect(socketPath);
    let connected = false;
    socket.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        !connected && ['ENOENT', 'ECONNREFUSED'].includes(error.code ?? '') ? new NotListening() : error,
      );
    });
    socket.once('connect', () => {
      connected = true;
      socket.write(encode(request));
      readLine(socket).then((line) => {
        socket.destroy();
        resolveReply(JSON.parse(line) as SimReply);
      }, reject);
    });
  });
}

function canConnect(socketPath: string): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolveProbe(true);
    });
    socket.once('error', () => resolveProbe(false));
  });
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

async function withStartLock<T>(
  lock: string,
  socketPath: string,
  body: () => Promise<T>,
): Promise<T | 'already-running'> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await canConnect(socketPath)) return 'already-running';
      // A client killed while holding the lock must not block every later call.
      if (lockAge(lock) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error('timed out waiting for another launchctl to start the simulator');
      await sleep(POLL_MS);
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function startSupervisor(config: SimConfig, socketPath: string): Promise<void> {
  const files = stateFiles(config.dir);
  const started = await withStartLock(files.startLock, socketPath, async () => {
    if (await canConnect(socketPath)) return;
    try {
      unlinkSync(socketPath);
    } catch {
      // No stale socket to clear.
    }
    const logFd = openSync(files.supervisorLog, 'a');
    // The supervisor must not hold the caller's stdio: a test reading launchctl's output to EOF
    // would otherwise wait for the supervisor to exit.
    const child = spawn(process.execPath, [fileURLToPath(new URL('./supervisor.ts', import.meta.url))], {
      cwd: '/',
      detached: true,
      env: process.env,
      stdio: ['ignore', logFd, logFd],
    });
    closeSync(logFd);
    let exited = false;
    child.once('exit', () => (exited = true));
    child.unref();
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await canConnect(socketPath))) {
      if (exited) throw new Error(`the simulator's supervisor exited at start; see ${files.supervisorLog}`);
      if (Date.now() > deadline)
        throw new Error(`the simulator's supervisor did not start; see ${files.supervisorLog}`);
      await sleep(POLL_MS);
    }
  });
  void started;
}

export function supervisorSocket(config: SimConfig): string {
  return socketPathFor(config.dir, tmpdir());
}

/** Sends a request, starting the supervisor when `start` allows; null if none is running. */
export async function sendRequest(
  config: SimConfig,
  request: SimRequest,
  start: boolean,
): Promise<SimReply | null> {
  const socketPath = supervisorSocket(config);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await exchange(socketPath, request);
    } catch (error) {
      if (!(error instanceof NotListening)) throw error;
      if (!start) return null;
      await startSupervisor(config, socketPath);
    }
  }
  throw new Error('could not reach the simulator supervisor');
}
