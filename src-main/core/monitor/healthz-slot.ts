// Which period an instance's next routine /healthz probe belongs to. Each instance's periods start at
// its own offset (a hash of its name), so a fleet's probes spread over the period instead of all
// landing on the same check, and stay spread after a fleet-wide event re-probed every instance.

/** The period `now` falls in for `name`; a new value means a routine probe is due. */
export function healthzSlot(name: string, now: number, periodMs: number): number {
  const period = Math.max(1, Math.round(periodMs));
  return Math.floor((now + (nameHash(name) % period)) / period);
}

/** FNV-1a of the name: stable across processes and restarts, cheap. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
