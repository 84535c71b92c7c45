// The CLI's commands, in the order `--help` lists them.
import type { Command } from '../command.ts';
import { auditCommand } from './audit.ts';
import { statusCommand } from './status.ts';

export const COMMANDS: readonly Command[] = [statusCommand, auditCommand];
