// Parser for the legacy `launchctl list` table (docs/reference/launchd.md §3.5): optional `PID Status Label`
// header, then `<pid or ->\t<status>\t<label>` rows. The status is the previous run's exit code, or `-N` when
// it was killed by signal N; `0` also stands for "never exited".
import type { LastExit } from './launchd-status.ts';
import { lastExitFromColumn } from './launchctl-parse-print-domain.ts';

export interface ListRow {
  label: string;
  pid: number | null;
  lastExit: LastExit;
  /** The status column as printed. */
  statusText: string;
}

const HEADER = /^PID\s+Status\s+Label$/;
// Tabs in real output; captures re-rendered by web pages use runs of spaces. The first two columns never
// contain whitespace, so everything after them is the label.
const ROW = /^(-|\d+)\s+(-?\d+)\s+(\S.*)$/;

export function parseListTable(text: string): ListRow[] {
  const rows: ListRow[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || HEADER.test(line)) continue;
    const match = ROW.exec(line);
    if (!match) continue;
    const statusText = match[2] as string;
    rows.push({
      label: match[3] as string,
      pid: match[1] === '-' ? null : Number(match[1]),
      lastExit: lastExitFromColumn(statusText),
      statusText,
    });
  }
  return rows;
}
