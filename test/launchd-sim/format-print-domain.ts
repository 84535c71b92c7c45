// `launchctl print gui/<uid>` (launchd.md §5.4). Only the services table and the disabled block
// carry simulator state; the other sections keep the real layout with plausible constant values.
import { domainServicesExitColumn } from './exit-status.ts';
import type { DomainView } from './views.ts';

/** One `services` row, C format `"\t\t%8d %6s \t%s"`; pid 0 means not running. */
export function servicesRow(pid: number, exitColumn: string, label: string): string {
  return `\t\t${String(pid).padStart(8)} ${exitColumn.padStart(6)} \t${label}`;
}

export function disabledEntry(label: string, disabled: boolean): string {
  return `\t\t"${label}" => ${disabled ? 'disabled' : 'enabled'}`;
}

function emptyBlock(key: string): string[] {
  return [`\t${key} = {`, '\t}', ''];
}

export function formatPrintDomain(view: DomainView): string {
  const running = view.services.filter((service) => service.pid !== undefined).length;
  const lines = [
    `gui/${view.uid} = {`,
    '\ttype = login',
    `\thandle = ${view.asid}`,
    `\tactive count = ${running}`,
    `\tservice count = ${view.services.length}`,
    `\tactive service count = ${running}`,
    `\tcreator = loginwindow[${view.creatorPid}]`,
    '\tcreator euid = 0',
    '\tsession = Aqua',
    `\tendpoint destination = com.apple.xpc.launchd.domain.user.${view.uid}`,
    '\tauxiliary bootstrapper = com.apple.xpc.otherbsd (complete)',
    '\tsecurity context = {',
    `\t\tuid = ${view.uid}`,
    `\t\tasid = ${view.asid}`,
    '\t}',
    '',
    '\tbringup time = 64 ms',
    '\tdeath port = 0x14503',
    '',
    ...emptyBlock('environment'),
    '\tservices = {',
    ...view.services.map((service) =>
      servicesRow(service.pid ?? 0, domainServicesExitColumn(service.lastExit), service.label),
    ),
    '\t}',
    '',
    ...emptyBlock('unmanaged processes'),
    ...emptyBlock('endpoints'),
    ...emptyBlock('externally-hosted endpoints'),
    ...emptyBlock('task-special ports'),
    '\tdisabled services = {',
    ...view.disabled.map(([label, disabled]) => disabledEntry(label, disabled)),
    '\t}',
    '',
    '\tproperties = gui | gui login',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
