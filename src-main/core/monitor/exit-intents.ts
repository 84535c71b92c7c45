// A process of the product that is about to end an instance's process (restart, stop) says so
// first, so that any monitor watching, in this process or another, takes the exit of that pid as
// planned: no `exited` event, no step toward a crash loop. An intent names the pid, so it covers that
// one process only, and it lapses by time, so a record left behind by a crashed CLI goes stale.

export interface ExitIntent {
  name: string;
  pid: number;
  /** What ends the process (`restart`, `stop`), for a person reading the record. */
  operation: string;
  /** Epoch ms after which the intent no longer holds. */
  until: number;
}

/** How long an announcement holds: any monitor checks well within it (its back-off stops at 30 s). */
export const EXIT_INTENT_MS = 120_000;

/** The exit of `pid` of `name` was announced and the announcement still holds at `now`. */
export function isExitExpected(
  intents: readonly ExitIntent[],
  name: string,
  pid: number | null,
  now: number,
): boolean {
  return pid !== null && intents.some((i) => i.name === name && i.pid === pid && now <= i.until);
}

export function parseExitIntent(text: string): ExitIntent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const v = (value ?? {}) as Partial<Record<keyof ExitIntent, unknown>>;
  if (typeof v.name !== 'string' || !Number.isInteger(v.pid) || typeof v.until !== 'number') return null;
  return {
    name: v.name,
    pid: v.pid as number,
    operation: typeof v.operation === 'string' ? v.operation : 'an operation',
    until: v.until,
  };
}
