// Times from the stub gateway's own log: every line starts with a local ISO timestamp with offset
// and milliseconds, written the moment it happens, so the bench can tell when a stub listened or exited
// without polling it.
import { openSync, readSync, closeSync } from 'node:fs';
import { fileSize } from './proc-facts.ts';
import { sleep } from './stats.ts';

export const LISTENING = /\[gateway\] http server listening/;
export const UNCAUGHT = /\[openclaw\] Uncaught exception/;

function readFrom(path: string, offset: number): string {
  const size = fileSize(path);
  if (size <= offset) return '';
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Epoch ms of the first line after `offset` that matches, or null. */
export function lineTime(path: string, offset: number, pattern: RegExp): number | null {
  for (const line of readFrom(path, offset).split('\n')) {
    if (!pattern.test(line)) continue;
    const stamp = Date.parse(line.slice(0, line.indexOf(' ')));
    if (Number.isFinite(stamp)) return stamp;
  }
  return null;
}

/** Waits (polling the file) for such a line; throws after the timeout. */
export async function waitForLine(
  path: string,
  offset: number,
  pattern: RegExp,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = lineTime(path, offset, pattern);
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error(`no ${String(pattern)} in ${path} within ${timeoutMs} ms`);
    await sleep(20);
  }
}
