// A fleet to run a monitor on, as plain data (FleetSpec, so a child process can get it too) and as a
// FleetContext whose subprocesses are counted: launchctl through the adapter's callCount, lsof and ps
// through wrappers. The rest of a lane (simulator, gateways) is in bench-fleet.ts.
import type { FleetContext } from '../../src-main/fleet/fleet-context.ts';
import { createRealFleetContext } from '../../src-main/fleet/real-fleet-context.ts';
import { createLaunchctlAdapter, type LaunchctlAdapter } from '../../src-main/platform/launchctl.ts';
import type { InstalledInstance } from '../helpers/fleet-fixture.ts';

export interface SubprocessCounts {
  launchctl: number;
  lsof: number;
  ps: number;
}

/** What a process needs to watch a lane's fleet: plain data, so a child process can get it too. */
export interface FleetSpec {
  root: string;
  agentsDir: string;
  launchctlPath: string;
  simEnv: Record<string, string>;
  instances: InstalledInstance[];
}

/** A fleet to run a monitor on: its instances and a FleetContext whose subprocesses are counted. */
export interface CountedFleet {
  instances: InstalledInstance[];
  adapter: LaunchctlAdapter;
  ctx: FleetContext;
  /** The same context, with a hook run whenever a check (or any operation) reads the domain. */
  ctxWith(onDomainRead: () => void): FleetContext;
  counts(): SubprocessCounts;
}

export function countedFleet(spec: FleetSpec): CountedFleet {
  const adapter = createLaunchctlAdapter({ launchctlPath: spec.launchctlPath, env: spec.simEnv });
  const real = createRealFleetContext({
    root: spec.root,
    agentsDir: spec.agentsDir,
    launchctlPath: spec.launchctlPath,
    launchctl: { env: spec.simEnv },
  });
  let lsof = 0;
  let ps = 0;
  const ctx: FleetContext = {
    ...real,
    launchd: adapter,
    scanListeners: () => {
      lsof++;
      return real.scanListeners();
    },
    processAges: (pids) => {
      if (pids.length > 0) ps++;
      return real.processAges(pids);
    },
  };
  return {
    instances: spec.instances,
    adapter,
    ctx,
    ctxWith: (onDomainRead) => ({
      ...ctx,
      launchd: {
        ...adapter,
        fleetStatus: () => {
          onDomainRead();
          return adapter.fleetStatus();
        },
      },
    }),
    counts: () => ({ launchctl: adapter.callCount(), lsof, ps }),
  };
}

export function totalSubprocesses(c: SubprocessCounts): number {
  return c.launchctl + c.lsof + c.ps;
}

export function countsSince(before: SubprocessCounts, after: SubprocessCounts): SubprocessCounts {
  return {
    launchctl: after.launchctl - before.launchctl,
    lsof: after.lsof - before.lsof,
    ps: after.ps - before.ps,
  };
}
