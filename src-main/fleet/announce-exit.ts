// Restart and stop announce the end of the pid they replace or stop before they touch launchd, so a
// monitor in another process (the menu-bar app while the CLI runs) does not report it as a crash.
import { EXIT_INTENT_MS } from '../core/monitor/exit-intents.ts';
import type { FleetContext } from './fleet-context.ts';

/** Announces the exit; returns a note when it could not be (the operation goes on regardless). */
export async function announceExit(
  ctx: FleetContext,
  name: string,
  pid: number | null,
  operation: 'restart' | 'stop',
): Promise<string[]> {
  if (pid === null) return [];
  try {
    await ctx.announceExit({ name, pid, operation, until: ctx.clock.now() + EXIT_INTENT_MS });
    return [];
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return [
      `note: a running monitor may report this ${operation} as an exit (it could not be announced: ${why})`,
    ];
  }
}
