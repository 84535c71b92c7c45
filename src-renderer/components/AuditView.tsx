import { useEffect, useMemo } from 'react';
import type { FindingView } from '../../src-main/shared/fleet-contract.ts';
import { plural } from '../format.ts';
import { useHost } from '../host-context.ts';
import { runAudit } from '../store/commands.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { FindingGroup } from './FindingGroup.tsx';
import { Spinner } from './Spinner.tsx';
import { ViewHeader } from './ViewHeader.tsx';

/** Findings grouped by instance, fleet-wide ones first; the audit runs each time the view opens. */
export function AuditView() {
  const host = useHost();
  const audit = useFleetStore((s) => s.audit);
  useEffect(() => void runAudit(host), [host]);

  const groups = useMemo(() => (audit.phase === 'done' ? groupFindings(audit.findings) : []), [audit]);
  const running = audit.phase === 'running';

  return (
    <>
      <ViewHeader title="Audit">
        <button type="button" aria-disabled={running} onClick={() => running || void runAudit(host)}>
          Run again
        </button>
      </ViewHeader>
      <main className="content">
        <p className="summary-line" role="status">
          {running && (
            <>
              <Spinner /> Auditing the fleet…
            </>
          )}
          {audit.phase === 'failed' && `The audit could not run: ${audit.message}`}
          {audit.phase === 'done' && summary(audit.findings)}
        </p>
        {groups.map(([instance, findings]) => (
          <FindingGroup key={instance ?? ''} instance={instance} findings={findings} />
        ))}
      </main>
    </>
  );
}

function summary(findings: FindingView[]): string {
  if (findings.length === 0) return 'No findings: the fleet matches its contract.';
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}`;
}

export function groupFindings(findings: FindingView[]): [string | null, FindingView[]][] {
  const groups = new Map<string | null, FindingView[]>();
  for (const f of findings) groups.set(f.instance, [...(groups.get(f.instance) ?? []), f]);
  return [...groups].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
}
