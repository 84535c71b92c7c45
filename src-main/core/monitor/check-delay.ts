// How long the monitor waits before its next check: the interval while all is well, longer while
// launchctl keeps failing, 200 ms steps for a moment after a held connection dropped, and exactly
// until a pending condition's grace window ends.
import type { TrackedInstance } from './monitor-types.ts';

export interface DelayFacts {
  now: number;
  intervalMs: number;
  graceMs: number;
  /** Failed checks in a row (launchctl could not be read). */
  failures: number;
  /** A check was asked for while one ran: run the next one at once. */
  again: boolean;
  /** Check quickly until then. */
  urgentUntil: number;
  tracked: Iterable<TrackedInstance>;
}

export const URGENT_STEP_MS = 200;
/** How long the quick checks last after a held connection dropped. */
export const URGENT_WINDOW_MS = 2000;

export function nextCheckDelay(f: DelayFacts): number {
  if (f.again) return 0;
  // launchctl failing is retried with back-off up to 30 s; a healthy fleet is checked at the interval.
  const regular = Math.min(f.intervalMs * 2 ** Math.min(f.failures, 4), 30_000);
  let delay = f.now < f.urgentUntil ? Math.min(URGENT_STEP_MS, regular) : regular;
  // A condition waiting out its grace window is confirmed when the window ends, not at a later tick.
  for (const t of f.tracked) {
    if (t.pending === null || t.incident?.types.includes(t.pending.type)) continue;
    delay = Math.min(delay, Math.max(50, t.pending.since + f.graceMs - f.now));
  }
  return delay;
}
