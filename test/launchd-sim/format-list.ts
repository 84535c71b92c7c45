// Legacy `launchctl list` and `launchctl list <label>` (launchd.md §3.5).
import { listStatusColumn, rawWaitStatus } from './exit-status.ts';
import type { ServiceView } from './views.ts';

export function formatListTable(services: ServiceView[]): string {
  const rows = services.map(
    (service) => `${service.pid ?? '-'}\t${listStatusColumn(service.lastExit)}\t${service.label}`,
  );
  return `${['PID\tStatus\tLabel', ...rows].join('\n')}\n`;
}

function quoted(value: string): string {
  return `"${value}"`;
}

/**
 * The dictionary dump, keys in the order of a macOS 13/14 capture (launchd's hash order, not
 * sorted). `LastExitStatus` is the raw wait status and `PID` appears only while running.
 */
export function formatListLabel(service: ServiceView): string {
  const entries: string[] = [];
  const add = (key: string, value: string) => entries.push(`\t"${key}" = ${value};`);
  if (service.stdoutPath !== undefined) add('StandardOutPath', quoted(service.stdoutPath));
  add('LimitLoadToSessionType', quoted('Aqua'));
  if (service.stderrPath !== undefined) add('StandardErrorPath', quoted(service.stderrPath));
  add('Label', quoted(service.label));
  add('OnDemand', String(service.legacy.onDemand));
  if (service.lastExit !== null) add('LastExitStatus', String(rawWaitStatus(service.lastExit)));
  if (service.pid !== undefined) add('PID', String(service.pid));
  add('Program', quoted(service.legacy.program));
  if (service.legacy.programArguments) {
    entries.push(
      '\t"ProgramArguments" = (',
      ...service.legacy.programArguments.map((arg) => `\t\t${quoted(arg)};`),
      '\t);',
    );
  }
  return `${['{', ...entries, '};'].join('\n')}\n`;
}
