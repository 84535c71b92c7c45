// What is checked before a plist is handed to launchd (start, and a restart that loads): the plist
// itself (missing, unparsable or breaking the contract is bad input, exit 2) and the fleet around it
// (a shared or too-close port, a shared state dir, a foreign process on its port or state dir: the
// start would fail or fight another gateway, so it is refused with the finding's fix).
import type { AuditFinding, StateDirOwner } from '../core/audit/audit-types.ts';
import { startBlockers } from '../core/audit/start-blockers.ts';
import type { InstanceRecord } from '../core/discovery.ts';
import type { Finding } from '../core/finding.ts';
import { lintInstancePlist } from '../core/plist-lint.ts';
import { badInput, failed, type OperationResult } from './control-instance.ts';
import type { FleetContext } from './fleet-context.ts';
import type { FleetSnapshot } from './gather-fleet.ts';
import { auditInputOf } from './gather-fleet.ts';

export function checkPlist(
  ctx: FleetContext,
  snapshot: FleetSnapshot,
  record: InstanceRecord,
): OperationResult | null {
  if (record.plistProblem !== null) {
    return badInput(`cannot load ${record.label}: ${record.plistProblem}`);
  }
  if (record.plist === null) {
    return badInput(
      `cannot load ${record.label}: ${record.plistPath} does not exist; create the instance with openclaw-fleet add ${record.name}`,
    );
  }
  const tokens = snapshot.discovery.instances.flatMap((i) => (i.config?.token ? [i.config.token] : []));
  const errors = lintInstancePlist(record.plist, {
    plistPath: record.plistPath,
    expectedStateDir: record.stateDir,
    knownTokens: tokens,
    inspect: ctx.inspect,
  }).filter((f) => f.severity === 'error');
  if (errors.length === 0) return null;
  return badInput(
    `cannot load ${record.label}: ${record.plistPath} breaks the LaunchAgent contract\n${listFindings(errors)}`,
  );
}

export async function checkFleetAround(
  ctx: FleetContext,
  snapshot: FleetSnapshot,
  record: InstanceRecord,
): Promise<OperationResult | null> {
  const owner = await ctx.stateDirOwner(record.stateDir);
  const owners: StateDirOwner[] = owner === null ? [] : [owner];
  const blockers: AuditFinding[] = startBlockers(
    { ...auditInputOf(snapshot, ctx), stateDirOwners: owners },
    record.name,
  );
  if (blockers.length === 0) return null;
  return failed(`refusing to start ${record.label} (nothing was changed):\n${listFindings(blockers)}`);
}

function listFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.code}: ${f.message}\n    fix: ${f.fix}`).join('\n');
}
