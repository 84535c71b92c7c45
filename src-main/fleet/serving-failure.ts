// Turns a failed wait for an instance to serve into the precise story: what the wait saw, what launchd
// says now (state, runs, last exit code or signal) and the gateway's own last error line from its log.
import { instanceLogFiles } from '../core/log-paths.ts';
import { LOG_TAIL_BYTES, lastErrorLine } from '../core/last-error-line.ts';
import type { InstanceRecord } from '../core/discovery.ts';
import { redactToken } from '../core/redact-token.ts';
import type { FleetContext } from './fleet-context.ts';
import { describeExit, type ServingOutcome } from './wait-serving.ts';

export async function describeServingFailure(
  ctx: FleetContext,
  record: InstanceRecord,
  outcome: Extract<ServingOutcome, { ok: false }>,
): Promise<string> {
  const { label, name } = record;
  const lines = [`${label} is not serving: ${outcome.reason}`];
  const status = await ctx.launchd.status(label);
  if (status.kind !== 'ok') {
    lines.push(`  launchd: cannot read its state (${status.message})`);
  } else if (!status.job.loaded) {
    lines.push('  launchd: not loaded');
  } else {
    const job = status.job;
    const exit =
      job.lastExit.code === null && job.lastExit.signal === null
        ? 'never exited'
        : `last ${describeExit(job.lastExit)}`;
    const pid = job.pid === null ? 'no process' : `pid ${job.pid}`;
    lines.push(`  launchd: ${job.state}, ${pid}, runs ${job.runs ?? '?'}, ${exit}`);
  }
  lines.push(await lastLogLine(ctx, record));
  if (status.kind === 'ok' && status.job.loaded) {
    lines.push(
      `  ${label} stays loaded and launchd keeps it alive (KeepAlive): openclaw-fleet logs ${name} shows more, openclaw-fleet stop ${name} stops it`,
    );
  }
  return lines.join('\n');
}

async function lastLogLine(ctx: FleetContext, record: InstanceRecord): Promise<string> {
  const files = instanceLogFiles(record.plist, record.stateDir);
  // stderr is where the gateway explains a failed start; with one merged file it is the same file.
  const file = files.find((f) => f.streams.includes('stderr')) ?? files[0];
  if (file === undefined) return '  log: the plist sets no StandardErrorPath, so launchd discards its output';
  const tail = await ctx.readLogTail(file.path, LOG_TAIL_BYTES);
  if (tail === null) return `  log: ${file.path} does not exist`;
  const line = lastErrorLine(tail);
  const token = record.config?.token ?? null;
  return line === null
    ? `  log: ${file.path} is empty`
    : `  last log line (${file.path}): ${redactToken(line, token)}`;
}
