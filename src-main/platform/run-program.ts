// Runs a program the monitor calls at every check (launchctl, lsof): an argument array, never a
// shell, stdin closed, a timeout with SIGTERM then SIGKILL, and no throwing. Plain child_process
// rather than execa on this path: execa's per-call bookkeeping cost about 1-2 ms of CPU per call
// here, a tenth of an idle check (npm run bench).
import { spawn } from 'node:child_process';

export type ProgramRun =
  | { kind: 'exited'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'timed-out' }
  /** The program could not be started (missing, not executable) or was killed by a signal we did not send. */
  | { kind: 'did-not-run'; reason: string };

export interface RunOptions {
  timeoutMs: number;
  /** Merged into this process's environment. */
  env?: Readonly<Record<string, string | undefined>>;
  /** After the timeout's SIGTERM, how long the program gets before SIGKILL. */
  forceKillAfterMs?: number;
}

export function runProgram(file: string, args: readonly string[], o: RunOptions): Promise<ProgramRun> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(file, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: o.env === undefined ? process.env : { ...process.env, ...o.env },
      });
    } catch (error) {
      return resolve({ kind: 'did-not-run', reason: error instanceof Error ? error.message : String(error) });
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    let forceKill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      forceKill = setTimeout(() => child.kill('SIGKILL'), o.forceKillAfterMs ?? 500);
    }, o.timeoutMs);
    // A timed-out program is done when it exits, even if a child it left still holds its output open.
    child.once('exit', () => timedOut && (clearTimeout(forceKill), resolve({ kind: 'timed-out' })));
    let startError: Error | null = null;
    child.once('error', (error) => (startError = error));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(forceKill);
      if (timedOut) return resolve({ kind: 'timed-out' });
      if (startError !== null) {
        const failure = startError as NodeJS.ErrnoException;
        return resolve({ kind: 'did-not-run', reason: failure.code ?? failure.message });
      }
      if (code === null) return resolve({ kind: 'did-not-run', reason: `killed by ${signal ?? 'a signal'}` });
      resolve({
        kind: 'exited',
        exitCode: code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
