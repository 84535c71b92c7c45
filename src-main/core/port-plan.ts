// Base ports of the fleet. A gateway uses its base port, base+2 for browser control and CDP ports
// up to about base+110, so base ports stay at least 120 apart (openclaw-gateway.md §2).
export const FIRST_BASE_PORT = 18789;
export const PORT_SPACING = 120;
const LAST_PORT = 65535 - PORT_SPACING;

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1024 && port <= 65535;
}

/** Fleet ports closer than the spacing to `port` (excluding `port`'s own instance, if listed once). */
export function portsTooClose(port: number, fleetPorts: readonly number[]): number[] {
  return fleetPorts.filter((p) => Math.abs(p - port) < PORT_SPACING);
}

/**
 * The first base port on the 18789 + k*120 grid that keeps the spacing from every fleet port and
 * is not already listened on. Null when the grid is exhausted.
 */
export function suggestBasePort(
  fleetPorts: readonly number[],
  listeningPorts: ReadonlySet<number>,
): number | null {
  for (let port = FIRST_BASE_PORT; port <= LAST_PORT; port += PORT_SPACING) {
    if (
      portsTooClose(port, fleetPorts).length === 0 &&
      !listeningPorts.has(port) &&
      !listeningPorts.has(port + 2)
    ) {
      return port;
    }
  }
  return null;
}
