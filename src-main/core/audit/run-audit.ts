// The fleet audit: every rule of the design, with stable codes, in a stable order.
import { hasErrors } from '../finding.ts';
import type { AuditFinding, AuditInput, AuditRule } from './audit-types.ts';
import { clusterRules } from './cluster-rules.ts';
import { instanceRules } from './instance-rules.ts';
import { layoutRules } from './layout-rules.ts';
import { runtimeRules } from './runtime-rules.ts';

export const AUDIT_RULES: readonly AuditRule[] = [layoutRules, clusterRules, instanceRules, runtimeRules];

export interface AuditReport {
  ok: boolean;
  findings: AuditFinding[];
}

export function runAudit(input: AuditInput): AuditReport {
  const findings = AUDIT_RULES.flatMap((rule) => rule(input)).sort(byInstanceThenSeverity);
  return { ok: !hasErrors(findings), findings };
}

function byInstanceThenSeverity(a: AuditFinding, b: AuditFinding): number {
  const ai = a.instance ?? '';
  const bi = b.instance ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return 0;
}
