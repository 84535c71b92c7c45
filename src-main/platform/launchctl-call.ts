// One launchctl call turned into "succeeded with this stdout" or "failed like this", and the mapping from
// launchctl failures the operations do not handle themselves to the port's failure results.
import {
  classifyLaunchctlFailure,
  type LaunchctlFailure,
  type LaunchctlSubcommand,
} from '../core/launchctl-parse-failure.ts';
import type { LaunchdFailure } from '../ports/launchd.ts';
import type { LaunchctlRunner } from './launchctl-runner.ts';

export type CallResult =
  | { kind: 'succeeded'; stdout: string; stderr: string; command: string }
  /** launchctl exited non-zero; `failure.kind` says what launchd meant. */
  | { kind: 'refused'; failure: LaunchctlFailure; command: string }
  /** launchctl timed out or did not run: nothing launchd said, already a port failure. */
  | { kind: 'broken'; failure: LaunchdFailure };

export type LaunchctlCaller = (subcommand: LaunchctlSubcommand, ...operands: string[]) => Promise<CallResult>;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** What the multi-step operations (load, unload) share. */
export interface LaunchctlContext {
  call: LaunchctlCaller;
  /** `gui/<uid>`. */
  domain: string;
  clock: Clock;
}

export function createCaller(runner: LaunchctlRunner): LaunchctlCaller {
  return async (subcommand, ...operands) => {
    const args = [subcommand, ...operands];
    // Only the subcommand, targets, flags and plist paths ever reach this text: no environment values.
    const command = `launchctl ${args.join(' ')}`;
    const call = await runner(args);
    switch (call.kind) {
      case 'exited':
        if (call.exitCode === 0)
          return { kind: 'succeeded', stdout: call.stdout, stderr: call.stderr, command };
        return {
          kind: 'refused',
          failure: classifyLaunchctlFailure(subcommand, call.exitCode, call.stderr),
          command,
        };
      case 'timed-out':
        return {
          kind: 'broken',
          failure: {
            kind: 'timed-out',
            afterMs: call.afterMs,
            message: `\`${command}\` did not finish within ${call.afterMs} ms`,
          },
        };
      case 'did-not-run':
        return {
          kind: 'broken',
          failure: {
            kind: 'failed',
            exitCode: null,
            stderr: '',
            message: `\`${command}\` did not run: ${call.reason}`,
          },
        };
      default:
        return assertNever(call);
    }
  };
}

/** The port failure for a launchctl refusal the calling operation has no specific answer to. */
export function portFailure(failure: LaunchctlFailure, command: string): LaunchdFailure {
  const message = refusalMessage(failure, command);
  switch (failure.kind) {
    case 'no-gui-domain':
      return { kind: 'no-gui-domain', message, stderr: failure.stderr };
    case 'permission-denied':
      return { kind: 'permission-denied', message, stderr: failure.stderr };
    case 'not-loaded':
    case 'generic-or-already-loaded':
    case 'disabled':
    case 'usage':
    case 'in-progress':
    case 'invalid-plist':
    case 'other':
      return { kind: 'failed', message, exitCode: failure.exitCode, stderr: failure.stderr };
    default:
      return assertNever(failure.kind);
  }
}

export function refusalMessage(failure: LaunchctlFailure, command: string, detail = ''): string {
  const said = failure.stderr.trim();
  return `\`${command}\` failed with exit status ${failure.exitCode ?? 'unknown'}${detail}${said ? `: ${said}` : ''}`;
}

/** Port failure for exit 0 with output that is not what the subcommand prints; the output is not quoted. */
export function unrecognisedOutput(command: string, stderr: string, expected: string): LaunchdFailure {
  return {
    kind: 'failed',
    exitCode: 0,
    stderr,
    message: `\`${command}\` exited 0 but its output had no ${expected}`,
  };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
