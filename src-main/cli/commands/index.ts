// The CLI's commands, in the order `--help` lists them.
import type { Command } from '../command.ts';
import { addCommand } from './add.ts';
import { auditCommand } from './audit.ts';
import { logsCommand } from './logs.ts';
import { migrateCommand } from './migrate.ts';
import { removeCommand } from './remove.ts';
import { restartCommand } from './restart.ts';
import { startCommand } from './start.ts';
import { statusCommand } from './status.ts';
import { stopCommand } from './stop.ts';
import { watchCommand } from './watch.ts';
import { serveCommand } from './serve.ts';
import { demoCommand } from './demo.ts';

export const COMMANDS: readonly Command[] = [
  statusCommand,
  auditCommand,
  addCommand,
  removeCommand,
  startCommand,
  stopCommand,
  restartCommand,
  logsCommand,
  migrateCommand,
  watchCommand,
  serveCommand,
  demoCommand,
];
