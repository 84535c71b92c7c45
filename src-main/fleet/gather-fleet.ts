// Reads everything the audit and the status view need, with a constant number of subprocesses:
// one launchctl print of the domain, one lsof, plus one print per loaded instance when details
// (changed-since-load) are asked for.
import type { AuditInput, StateDirOwner } from '../core/audit/audit-types.ts';
import { discoverFleet, type Discovery } from '../core/discovery.ts';
import type { DomainStatus, ServiceStatus } from '../core/launchd-status.ts';
import type { Listener } from '../core/listeners.ts';
import type { FleetContext } from './fleet-context.ts';

export interface FleetSnapshot {
  discovery: Discovery;
  domain: DomainStatus | null;
  /** Why launchd's view is missing, when it is. */
  domainProblem: string | null;
  listeners: Listener[] | null;
  listenerProblem: string | null;
  loadedDetails: Map<string, ServiceStatus>;
  owners: StateDirOwner[];
}

export async function gatherFleet(ctx: FleetContext, options: { details: boolean }): Promise<FleetSnapshot> {
  const [files, domainResult, scan] = await Promise.all([
    ctx.readFiles(),
    ctx.launchd.fleetStatus(),
    ctx.scanListeners(),
  ]);
  const domain = domainResult.kind === 'ok' ? domainResult.domain : null;
  const discovery = discoverFleet({
    root: ctx.location.root,
    agentsDir: ctx.location.agentsDir,
    files,
    domain,
  });
  const loadedDetails = new Map<string, ServiceStatus>();
  const owners: StateDirOwner[] = [];
  if (options.details) {
    await Promise.all(
      discovery.instances.map(async (i) => {
        const owner = await ctx.stateDirOwner(i.stateDir);
        if (owner !== null) owners.push(owner);
        if (i.launchd === null) return;
        const status = await ctx.launchd.status(i.label);
        if (status.kind === 'ok' && status.job.loaded) loadedDetails.set(i.label, status.job);
      }),
    );
  }
  return {
    discovery,
    domain,
    domainProblem: domainResult.kind === 'ok' ? null : domainResult.message,
    listeners: scan.ok ? scan.listeners : null,
    listenerProblem: scan.ok ? null : scan.message,
    loadedDetails,
    owners: owners.sort((a, b) => a.stateDir.localeCompare(b.stateDir)),
  };
}

export function auditInputOf(snapshot: FleetSnapshot, ctx: FleetContext): AuditInput {
  return {
    discovery: snapshot.discovery,
    listeners: snapshot.listeners,
    inspect: ctx.inspect,
    loadedDetails: snapshot.loadedDetails,
    stateDirOwners: snapshot.owners,
    launchdProblem: snapshot.domainProblem,
    listenerProblem: snapshot.listenerProblem,
  };
}
