// Dispatches argv to a command: parses options strictly, prints help, and turns errors into one
// message and the contract's exit code. Knows nothing about what the commands do.
import { parseArgs } from 'node:util';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, OperationFailed, UsageError } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { commandHelp, GLOBAL_OPTIONS, type Command } from './command.ts';
import { resolveFleetPaths, type PathFlags } from './fleet-paths.ts';
import { FleetReadError } from '../platform/fleet-files.ts';

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: openclaw-fleet <command> [options]',
    '',
    'Supervise a fleet of OpenClaw gateways run by launchd.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'openclaw-fleet <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[],
  interrupted: Promise<void> = new Promise(() => {}),
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(mainHelp(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.err(
      `openclaw-fleet: unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}.\n`,
    );
    return EXIT_USAGE;
  }
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    if (command.positionals === 'none' && parsed.positionals.length > 0) {
      throw new UsageError(`'${command.name}' takes no arguments, got '${parsed.positionals.join(' ')}'`);
    }
    const paths = resolveFleetPaths(parsed.values as PathFlags, io.env, io.cwd);
    return await command.run({ io, args: parsed, paths, interrupted });
  } catch (error) {
    return reportError(error, command, io);
  }
}

function reportError(error: unknown, command: Command, io: CliIo): number {
  // An unreadable root or LaunchAgents dir is bad input: the message names the dir and the fix.
  if (error instanceof UsageError || error instanceof FleetReadError || isParseArgsError(error)) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    io.err(
      `openclaw-fleet ${command.name}: ${message}\nusage: openclaw-fleet ${command.usage} (see --help)\n`,
    );
    return EXIT_USAGE;
  }
  if (error instanceof OperationFailed) {
    io.err(`openclaw-fleet ${command.name}: ${error.message}\n`);
    return EXIT_FAILED;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`openclaw-fleet ${command.name}: unexpected error: ${detail}\n`);
  return EXIT_FAILED;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
