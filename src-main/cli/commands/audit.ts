// `openclaw-fleet audit [--json]`: every rule of the design, grouped by instance, with a fix each.
import type { AuditFinding } from '../../core/audit/audit-types.ts';
import { runAudit } from '../../core/audit/run-audit.ts';
import { auditInputOf, gatherFleet } from '../../fleet/gather-fleet.ts';
import { EXIT_FAILED, EXIT_OK } from '../cli-error.ts';
import { paint, type CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { flag } from '../option-values.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'check every instance and the fleet against the design; exit 1 when anything is an error',
  usage: 'audit [--json]',
  details: '  --json   print {"ok":bool,"findings":[{code,severity,instance,message,fix}]}',
  options: { json: { type: 'boolean' } },
  positionals: 'none',
  async run({ io, args, paths }) {
    const fleet = fleetFor(paths, io);
    const snapshot = await gatherFleet(fleet, { details: true });
    const report = runAudit(auditInputOf(snapshot, fleet));
    if (flag(args, 'json')) {
      io.out(`${JSON.stringify({ ok: report.ok, findings: report.findings.map(contractShape) })}\n`);
    } else {
      io.out(renderAudit(io, report.findings, snapshot.discovery.instances.length));
    }
    return report.ok ? EXIT_OK : EXIT_FAILED;
  },
};

function contractShape(f: AuditFinding): AuditFinding {
  return { code: f.code, severity: f.severity, instance: f.instance, message: f.message, fix: f.fix };
}

export function renderAudit(
  io: Pick<CliIo, 'color'>,
  findings: readonly AuditFinding[],
  instanceCount: number,
): string {
  if (findings.length === 0)
    return `${paint(io, 'green', 'ok')}: ${instanceCount} instance(s), no findings\n`;
  const lines: string[] = [];
  let group: string | null | undefined;
  for (const f of findings) {
    if (f.instance !== group) {
      group = f.instance;
      lines.push(paint(io, 'bold', f.instance ?? 'fleet'));
    }
    const mark = f.severity === 'error' ? paint(io, 'red', 'error  ') : paint(io, 'yellow', 'warning');
    lines.push(`  ${mark} ${f.code}: ${f.message}`, `          ${paint(io, 'dim', `fix: ${f.fix}`)}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push('', `${errors} error(s), ${findings.length - errors} warning(s)`, '');
  return lines.join('\n');
}
