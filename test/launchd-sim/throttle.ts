// Respawn throttling (launchd.plist(5) ThrottleInterval; launchd logs "Service only ran for 4
// seconds. Pushing respawn out by 6 seconds."). Times are scaled so tests need not wait 10 s.

export const DEFAULT_THROTTLE_INTERVAL_S = 10;
export const DEFAULT_EXIT_TIMEOUT_S = 5;

/** Milliseconds to wait before respawning an instance that lived `lifetimeMs`. */
export function respawnDelayMs(throttleIntervalS: number, lifetimeMs: number, timeScale: number): number {
  const minimumRuntimeMs = throttleIntervalS * 1000 * timeScale;
  return Math.max(0, Math.round(minimumRuntimeMs - Math.max(0, lifetimeMs)));
}

/** Grace between SIGTERM and SIGKILL on bootout; null when ExitTimeOut = 0 (wait forever). */
export function sigkillGraceMs(exitTimeOutS: number, timeScale: number): number | null {
  if (exitTimeOutS <= 0) return null;
  return Math.round(exitTimeOutS * 1000 * timeScale);
}
