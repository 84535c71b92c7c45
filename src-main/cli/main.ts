#!/usr/bin/env node
// Composition root of the `openclaw-fleet` CLI: real process I/O, the command table, exit code.
import { processIo } from './cli-io.ts';
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

// A persistent listener, not `once`: execa's signal-exit re-raises SIGINT when it finds no other
// listener, which would kill the CLI mid-rollback. The first Ctrl-C asks the command to stop and
// clean up; a second one exits at once.
let sigints = 0;
const interrupted = new Promise<void>((resolve) =>
  process.on('SIGINT', () => (++sigints === 1 ? resolve() : process.exit(130))),
);
process.exitCode = await runCli(process.argv.slice(2), processIo(), COMMANDS, interrupted);
