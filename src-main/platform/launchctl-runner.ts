// Runs launchctl: an argument array, never a shell, a timeout on every call, and no throwing — the adapter
// decides what an exit status means. The adapter takes any LaunchctlRunner, so tests can count or script calls.
import { runProgram } from './run-program.ts';

export type LaunchctlCall =
  | { kind: 'exited'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'timed-out'; afterMs: number }
  /** launchctl could not be started (missing, not executable) or was killed by a signal it did not ask for. */
  | { kind: 'did-not-run'; reason: string };

export type LaunchctlRunner = (args: readonly string[]) => Promise<LaunchctlCall>;

export interface LaunchctlRunnerOptions {
  launchctlPath: string;
  timeoutMs: number;
  /** Extra environment for launchctl itself (a simulator finds its state through it); merged into ours. */
  env?: Readonly<Record<string, string | undefined>>;
}

// After the timeout's SIGTERM, how long a stuck launchctl gets before SIGKILL.
const FORCE_KILL_AFTER_MS = 500;

export function createLaunchctlRunner(options: LaunchctlRunnerOptions): LaunchctlRunner {
  return async (args) => {
    const run = await runProgram(options.launchctlPath, args, {
      timeoutMs: options.timeoutMs,
      forceKillAfterMs: FORCE_KILL_AFTER_MS,
      ...(options.env ? { env: options.env } : {}),
    });
    return run.kind === 'timed-out' ? { kind: 'timed-out', afterMs: options.timeoutMs } : run;
  };
}
