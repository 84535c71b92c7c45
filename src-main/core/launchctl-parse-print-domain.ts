// Parsers for `launchctl print gui/<uid>` (the whole domain in one call; docs/reference/launchd.md §5.4) and
// `launchctl print-disabled gui/<uid>` (§3.7). Both carry the same `disabled services = {` block.
import type { DomainServiceRow, DomainStatus, LastExit } from './launchd-status.ts';
import { neverExited } from './launchctl-parse-print-service.ts';
import { blockLines, findBlock, parsePrintTree, type PrintBlock } from './launchctl-parse-tree.ts';

/** Null when the text has no `services = {` block: whatever printed it, it was not a domain print. */
export function parseDomainPrint(text: string): DomainStatus | null {
  const { nodes } = parsePrintTree(text);
  const servicesBlock = findBlock(nodes, 'services');
  if (servicesBlock === null) return null;
  const services: DomainServiceRow[] = [];
  for (const line of blockLines(servicesBlock)) {
    const row = parseDomainServiceRow(line);
    if (row !== null) services.push(row);
  }
  return { services, disabled: disabledEntries(findBlock(nodes, 'disabled services')) };
}

/** Labels with an override in `print-disabled` output (true = disabled); null without that block. */
export function parsePrintDisabled(text: string): Record<string, boolean> | null {
  const block = findBlock(parsePrintTree(text).nodes, 'disabled services');
  return block === null ? null : disabledEntries(block);
}

// `"\t\t%8d %6s \t%s"`: PID (0 = not running), last-exit column, label. Whitespace widths vary between
// renderings, so any run of whitespace separates the columns; the first two never contain whitespace, so
// everything after them is the label.
const SERVICE_ROW = /^\s*(\d+)\s+(\S+)\s+(\S.*?)\s*$/;

export function parseDomainServiceRow(line: string): DomainServiceRow | null {
  const match = SERVICE_ROW.exec(line);
  if (!match) return null;
  const pid = Number(match[1]);
  const lastExitText = match[2] as string;
  return {
    label: match[3] as string,
    pid: pid === 0 ? null : pid,
    lastExit: lastExitFromColumn(lastExitText),
    lastExitText,
  };
}

/**
 * The last-exit column of the domain table: `-` never exited, `78` exit code, `-9` killed by signal 9.
 * Undocumented markers such as `(pe)` carry no exit information.
 */
export function lastExitFromColumn(text: string): LastExit {
  if (/^\d+$/.test(text)) return { code: Number(text), signal: null };
  const signal = /^-(\d+)$/.exec(text);
  if (signal) return { code: null, signal: Number(signal[1]) };
  return neverExited();
}

// `"label" => disabled`. Older releases printed `true` (= disabled) / `false`.
const DISABLED_ENTRY = /^"([^"]+)"\s*=>\s*(enabled|disabled|true|false)$/;

function disabledEntries(block: PrintBlock | null): Record<string, boolean> {
  const disabled: Record<string, boolean> = {};
  for (const line of blockLines(block)) {
    const match = DISABLED_ENTRY.exec(line);
    if (match) disabled[match[1] as string] = match[2] === 'disabled' || match[2] === 'true';
  }
  return disabled;
}
