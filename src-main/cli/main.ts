#!/usr/bin/env node
// Composition root of the `openclaw-fleet` CLI: real process I/O, the command table, exit code.
import { processIo } from './cli-io.ts';
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
process.exitCode = await runCli(process.argv.slice(2), processIo(), COMMANDS, interrupted);
