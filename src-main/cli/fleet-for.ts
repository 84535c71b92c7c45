// Builds the real FleetContext for a CLI invocation from its resolved paths and environment.
import { createRealFleetContext } from '../fleet/real-fleet-context.ts';
import type { FleetContext } from '../fleet/fleet-context.ts';
import type { CliIo } from './cli-io.ts';
import type { FleetPaths } from './fleet-paths.ts';

export function fleetFor(paths: FleetPaths, io: Pick<CliIo, 'env'>): FleetContext {
  // launchctl sees the CLI's own environment (the simulator is configured through it in tests).
  const env = Object.fromEntries(
    Object.entries(io.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return createRealFleetContext({
    root: paths.root,
    agentsDir: paths.agentsDir,
    launchctlPath: paths.launchctl,
    launchctl: { env },
  });
}
