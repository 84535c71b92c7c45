// Fleet-wide uniqueness: every instance is one unique (label, port, state dir, token) tuple.
import { plistStateDir, type InstanceRecord } from '../discovery.ts';
import { PORT_SPACING } from '../port-plan.ts';
import { auditFinding, type AuditFinding, type AuditInput } from './audit-types.ts';

export function clusterRules({ discovery }: AuditInput): AuditFinding[] {
  const { instances } = discovery;
  return [
    ...discovery.labelClashes.map((c) =>
      auditFinding(
        null,
        'duplicate-label',
        `${c.plistPaths.length} plist files declare the label ${c.label}: ${c.plistPaths.join(', ')}`,
        `keep only ${c.label}.plist; move the others out of the LaunchAgents dir`,
      ),
    ),
    ...duplicatePorts(instances),
    ...closePorts(instances),
    ...duplicateStateDirs(instances),
    ...duplicateTokens(instances),
  ];
}

function groupBy<K>(
  instances: InstanceRecord[],
  key: (i: InstanceRecord) => K | null,
): [K, InstanceRecord[]][] {
  const groups = new Map<K, InstanceRecord[]>();
  for (const i of instances) {
    const k = key(i);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  return [...groups].filter(([, list]) => list.length > 1);
}

const names = (list: InstanceRecord[]): string => list.map((i) => i.name).join(', ');

function duplicatePorts(instances: InstanceRecord[]): AuditFinding[] {
  return groupBy(instances, (i) => i.port).map(([port, list]) =>
    auditFinding(
      null,
      'duplicate-port',
      `instances ${names(list)} all use port ${port}: managed gateways on one port kill each other in a loop`,
      `give all but one a free port: openclaw-fleet remove <name>, then openclaw-fleet add <name> (it picks a free port)`,
    ),
  );
}

function closePorts(instances: InstanceRecord[]): AuditFinding[] {
  const withPorts = instances.filter((i) => i.port !== null).sort((a, b) => (a.port ?? 0) - (b.port ?? 0));
  const out: AuditFinding[] = [];
  for (let i = 1; i < withPorts.length; i++) {
    const a = withPorts[i - 1]!;
    const b = withPorts[i]!;
    const gap = (b.port ?? 0) - (a.port ?? 0);
    if (gap > 0 && gap < PORT_SPACING) {
      out.push(
        auditFinding(
          b.name,
          'port-spacing',
          `port ${b.port} of ${b.name} is only ${gap} above port ${a.port} of ${a.name}: each gateway also uses base+2 and browser ports up to about base+110`,
          `keep base ports at least ${PORT_SPACING} apart (18789, 18909, 19029, ...)`,
        ),
      );
    }
  }
  return out;
}

function duplicateStateDirs(instances: InstanceRecord[]): AuditFinding[] {
  return groupBy(instances, (i) => plistStateDir(i.plist)).map(([dir, list]) =>
    auditFinding(
      null,
      'duplicate-state-dir',
      `instances ${names(list)} all point OPENCLAW_STATE_DIR at ${dir}: the second gateway exits 78 (another process owns the state dir)`,
      `point each plist at its own <root>/.openclaw-<name> dir`,
    ),
  );
}

function duplicateTokens(instances: InstanceRecord[]): AuditFinding[] {
  // The token is the grouping key only; it never reaches the message.
  return groupBy(instances, (i) => (i.config?.token ? i.config.token : null)).map(([, list]) =>
    auditFinding(
      null,
      'duplicate-token',
      `instances ${names(list)} share one gateway token: a client of one can act on the others`,
      `give each instance its own token (openssl rand -hex 32) in its openclaw.json, then openclaw-fleet restart <name>`,
    ),
  );
}
