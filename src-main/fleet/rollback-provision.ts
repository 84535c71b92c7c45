// Undoes a failed `add`: unloads what it loaded (waiting until launchd forgot it), removes the plist it
// wrote, and moves the state dir aside rather than deleting it, so the gateway's log stays readable.
// When the unload fails the files stay put: moving them under a live job would leave it running
// without its plist and writing into a backup folder.
import { rm } from 'node:fs/promises';
import { lastLines, LOG_TAIL_BYTES } from '../core/last-error-line.ts';
import { instanceLogPath } from '../core/plist-contract.ts';
import { moveAside } from '../platform/move-aside.ts';
import type { FleetContext } from './fleet-context.ts';
import { backupDir } from './fleet-dirs.ts';
import type { Created, InstancePaths } from './provision-files.ts';

export interface RollbackReport {
  /** What was undone, in order, for the user. */
  done: string[];
  /** What could not be undone, each with what to do. */
  problems: string[];
  /** The last lines of the instance's log (token redacted), read after the process was gone. */
  logLines: string[];
  /** Where the log is now. */
  logPath: string | null;
}

const LOG_LINES = 10;

export async function rollbackProvision(
  ctx: FleetContext,
  paths: InstancePaths,
  created: Created,
  token: string,
): Promise<RollbackReport> {
  const report: RollbackReport = { done: [], problems: [], logLines: [], logPath: null };
  if (created.loaded) {
    const unloaded = await ctx.launchd.unload(paths.label);
    if (unloaded.kind === 'ok' || unloaded.kind === 'not-loaded') {
      report.done.push(`unloaded ${paths.label}`);
    } else {
      report.problems.push(
        `could not unload ${paths.label} (${unloaded.message}); its files stay in place: run openclaw-fleet remove ${paths.name} --purge-state`,
      );
    }
  }
  const tail = await ctx.readLogTail(paths.logPath, LOG_TAIL_BYTES);
  report.logLines = tail === null ? [] : lastLines(tail, LOG_LINES).map((l) => l.split(token).join('***'));
  report.logPath = tail === null ? null : paths.logPath;
  if (report.problems.length > 0) return report;

  if (created.plist) {
    await step(report, `remove ${paths.plistPath}`, async () => {
      await rm(paths.plistPath, { force: true });
      report.done.push(`removed ${paths.plistPath}`);
    });
  }
  if (created.stateDir) {
    await step(report, `move ${paths.stateDir} aside`, async () => {
      const movedTo = await moveAside(paths.stateDir, backupDir(ctx.location.root, 'state'));
      report.done.push(`moved the state dir to ${movedTo}`);
      if (report.logPath !== null) report.logPath = instanceLogPath(movedTo);
    });
  }
  return report;
}

async function step(report: RollbackReport, what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    report.problems.push(`could not ${what} (${code}); do it by hand`);
  }
}
