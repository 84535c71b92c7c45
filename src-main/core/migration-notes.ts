// Things the user should know about a migration plan that are not steps: what the new plist leaves
// out, what stays behind, and what could not be checked. Never a token.
import type { GatewayConfigView } from './gateway-config.ts';
import { LEGACY_LABEL } from './migration-legacy.ts';
import type { MigrationFacts, MigrationPlan } from './migration-plan.ts';
import type { LegacySource } from './migration-source.ts';
import { instanceLogPath } from './plist-contract.ts';
import { redactArguments } from './plist-lint-secrets.ts';
import { isInside } from './paths.ts';

type PlanParts = Omit<MigrationPlan, 'steps' | 'notes'>;

export function planNotes(
  facts: MigrationFacts,
  plan: PlanParts,
  rootJob: LegacySource | null,
  source: LegacySource | null,
  config: GatewayConfigView | null,
): string[] {
  const notes: string[] = [];
  const knownTokens = config?.token ? [config.token] : [];
  const dropped = rootJob?.program?.dropped ?? [];
  if (dropped.length > 0) {
    notes.push(
      `the new plist runs [node, entry, gateway, --port, ${plan.port}] (the contract); ` +
        `left out of the legacy arguments: ${redactArguments(dropped, knownTokens).join(' ')}`,
    );
  }
  if (rootJob?.logPath && !isInside(rootJob.logPath, facts.root)) {
    notes.push(
      `the legacy log ${rootJob.logPath} stays where it is; ${plan.name} logs to ${instanceLogPath(plan.stateDir)}`,
    );
  }
  if (source !== null && rootJob === null) {
    notes.push(`${LEGACY_LABEL} keeps its state in ${source.stateDir}, not the root: it is left alone`);
  }
  for (const job of facts.discovery.otherGateways) {
    if (job.kind === 'legacy-gateway' && job.label !== LEGACY_LABEL) {
      notes.push(`${job.label} is an older OpenClaw job; migrate leaves it alone`);
    }
  }
  if (facts.listeners === null) {
    notes.push(`the TCP listeners could not be read: port ${plan.port} was not checked for other listeners`);
  }
  const token = plan.tokenAction === 'keep' ? config?.token : null;
  // Compared here, never shown: only the names of the instances that share it.
  const sharing = facts.discovery.instances
    .filter((i) => token && i.config?.token === token)
    .map((i) => i.name);
  if (sharing.length > 0) {
    notes.push(
      `the kept token is also the token of ${sharing.join(', ')}: give one of them a new token afterwards (audit reports duplicate-token)`,
    );
  }
  return notes;
}
