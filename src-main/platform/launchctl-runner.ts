// Runs launchctl: an argument array, never a shell, a timeout on every call, and no throwing — the adapter
// decides what an exit status means. The adapter takes any LaunchctlRunner, so tests can count or script calls.
import { execa } from 'execa';

export type LaunchctlCall =
  | { kind: 'exited'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'timed-out'; afterMs: number }
  /** launchctl could not be started (missing, not executable) or was killed by a signal it did not ask for. */
  | { kind: 'did-not-run'; reason: string };

export type LaunchctlRunner = (args: readonly string[]) => Promise<LaunchctlCall>;

export interface ExecaRunnerOptions {
  launchctlPath: string;
  timeoutMs: number;
  /** Extra environment for launchctl itself (a simulator finds its state through it); merged into ours. */
  env?: Readonly<Record<string, string | undefined>>;
}

// After the timeout's SIGTERM, how long a stuck launchctl gets before SIGKILL.
const FORCE_KILL_AFTER_MS = 500;

export function createExecaRunner(options: ExecaRunnerOptions): LaunchctlRunner {
  return async (args) => {
    const result = await execa(options.launchctlPath, args, {
      reject: false,
      timeout: options.timeoutMs,
      forceKillAfterDelay: FORCE_KILL_AFTER_MS,
      stdin: 'ignore',
      env: options.env,
      stripFinalNewline: false,
    });
    if (result.timedOut) return { kind: 'timed-out', afterMs: options.timeoutMs };
    if (result.exitCode === undefined) {
      const reason = result.signal
        ? `killed by ${result.signal}`
        : (result.code ?? result.shortMessage ?? 'unknown');
      return { kind: 'did-not-run', reason };
    }
    return {
      kind: 'exited',
      exitCode: result.exitCode,
      stdout: String(result.stdout),
      stderr: String(result.stderr),
    };
  };
}
