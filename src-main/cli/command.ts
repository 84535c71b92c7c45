// The shape every CLI command has: its options (node:util parseArgs syntax), its help, and a run
// function that receives parsed arguments and returns an exit code.
import type { ParseArgsOptionsConfig } from 'node:util';
import type { CliIo } from './cli-io.ts';
import type { FleetPaths } from './fleet-paths.ts';

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CommandContext {
  io: CliIo;
  args: ParsedArgs;
  paths: FleetPaths;
  /** Resolves when the user asks to stop (SIGINT); long-running commands race against it. */
  interrupted: Promise<void>;
}

export interface Command {
  name: string;
  summary: string;
  /** The synopsis after `openclaw-fleet`, e.g. `status [name...] [--json]`. */
  usage: string;
  /** Extra help lines: what the options mean, examples. */
  details?: string;
  options: ParseArgsOptionsConfig;
  positionals: 'none' | 'any';
  run(ctx: CommandContext): Promise<number>;
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: ParseArgsOptionsConfig = {
  root: { type: 'string' },
  'agents-dir': { type: 'string' },
  launchctl: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const GLOBAL_HELP = `Every command takes:
  --root <dir>        the container of instance state dirs (default ~/.openclaw; env OPENCLAW_FLEET_ROOT)
  --agents-dir <dir>  where the LaunchAgent plists live (default ~/Library/LaunchAgents; env OPENCLAW_FLEET_AGENTS_DIR)
  --launchctl <path>  the launchctl to run (default /bin/launchctl; env OPENCLAW_FLEET_LAUNCHCTL)
  -h, --help          this help`;

export function commandHelp(command: Command): string {
  return [
    `usage: openclaw-fleet ${command.usage}`,
    '',
    command.summary,
    ...(command.details === undefined ? [] : ['', command.details]),
    '',
    GLOBAL_HELP,
    '',
  ].join('\n');
}
