// `launchctl print-disabled gui/<uid>` (launchd.md §3.7, macOS 14+ shape).
import { disabledEntry } from './format-print-domain.ts';

export function formatPrintDisabled(overrides: Array<[string, boolean]>): string {
  const lines = [
    '',
    '\tdisabled services = {',
    ...overrides.map(([label, disabled]) => disabledEntry(label, disabled)),
    '\t}',
    '',
    '\tlogin item associations = {',
    '\t}',
  ];
  return `${lines.join('\n')}\n`;
}
