// The findings that make starting one instance pointless or harmful: a port or state dir it shares
// with another plist of the fleet, a port too close to another's, and a foreign process on its port
// or state dir. Checked before anything is loaded, because a gateway started into such a clash
// either dies at once (exit 1 / 78) or, under KeepAlive, kills the other in a loop.
import { clusterRules } from './cluster-rules.ts';
import { runtimeRules } from './runtime-rules.ts';
import type { AuditFinding, AuditInput } from './audit-types.ts';

const CLUSTER_CODES: readonly string[] = ['duplicate-port', 'port-spacing', 'duplicate-state-dir'];
const RUNTIME_CODES: readonly string[] = ['port-foreign-listener', 'state-dir-foreign-owner'];

export function startBlockers(input: AuditInput, name: string): AuditFinding[] {
  const { instances } = input.discovery;
  const target = instances.find((i) => i.name === name);
  if (target === undefined) return [];
  // The cluster rules report groups and neighbours across the whole fleet; run them on each pair
  // (this instance, another plist) so every finding is one this instance is part of.
  const clashes = instances
    .filter((other) => other.name !== name && other.plist !== null)
    .flatMap((other) =>
      clusterRules({
        ...input,
        discovery: { ...input.discovery, instances: [target, other], labelClashes: [] },
      }),
    )
    .filter((f) => CLUSTER_CODES.includes(f.code));
  const runtime = runtimeRules(input).filter((f) => f.instance === name && RUNTIME_CODES.includes(f.code));
  return [...clashes, ...runtime];
}
