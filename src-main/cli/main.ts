#!/usr/bin/env node
// Placeholder composition root for the `openclaw-fleet` CLI; the CLI issue fills in the commands.
const USAGE = `usage: openclaw-fleet <command> [options]

commands: status, audit, add, remove, start, stop, restart, logs, migrate, watch, serve, demo
(not implemented yet in this build)`;

const [command] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(command === undefined ? 2 : 0);
}
process.stderr.write(`openclaw-fleet: '${command}' is not implemented yet. Run 'openclaw-fleet --help'.\n`);
process.exit(2);
