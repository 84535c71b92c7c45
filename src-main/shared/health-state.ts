// Types that cross the bridge between the main side and the renderer: type-only, no runtime imports.

/** Instance states, from the bottom-up health model (docs/architecture.md, "Health"). */
export const HEALTH_STATES = [
  'healthy',
  'starting',
  'degraded',
  'down',
  'crash-loop',
  'stopped',
  'unknown',
] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

/** Events the monitor emits; `watch --json` prints one per line. */
export const FLEET_EVENT_TYPES = ['exited', 'port-closed', 'crash-loop', 'auth-failed', 'recovered'] as const;
export type FleetEventType = (typeof FLEET_EVENT_TYPES)[number];
