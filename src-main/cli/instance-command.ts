// Glue shared by the commands that act on one instance (start, stop, restart, logs): the one name
// argument, progress on a terminal, and turning an operation's outcome into output and an exit code.
import type { OperationResult, Progress } from '../fleet/control-instance.ts';
import { EXIT_OK, OperationFailed, UsageError } from './cli-error.ts';
import { paint, type CliIo } from './cli-io.ts';
import type { ParsedArgs } from './command.ts';

export function instanceName(args: ParsedArgs, command: string): string {
  const [name, ...extra] = args.positionals;
  if (name === undefined)
    throw new UsageError(`give the instance name, for example openclaw-fleet ${command} luca`);
  if (extra.length > 0) {
    throw new UsageError(`'${command}' takes one instance name, got '${args.positionals.join(' ')}'`);
  }
  return name;
}

/** Phase changes with the time since the command began, on a terminal only: pipes get the outcome. */
export function terminalProgress(io: CliIo, now: () => number = Date.now): Progress {
  if (!io.isTTY) return () => {};
  const began = now();
  return (step) =>
    io.out(`${paint(io, 'dim', `${((now() - began) / 1000).toFixed(1).padStart(5)} s  ${step}`)}\n`);
}

export function finish(io: CliIo, result: OperationResult): number {
  switch (result.kind) {
    case 'ok':
      for (const line of result.lines) io.out(`${line}\n`);
      return EXIT_OK;
    case 'bad-input':
      throw new UsageError(result.message);
    case 'failed':
      throw new OperationFailed(result.message);
  }
}
