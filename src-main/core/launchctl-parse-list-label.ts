// Parser for the legacy `launchctl list <label>` dictionary dump (docs/reference/launchd.md §3.5):
//   {
//   \t"Key" = value;
//   \t"ProgramArguments" = (
//   \t\t"arg";
//   \t);
//   };
// Old releases (and re-rendered captures) also show unquoted keys and `,` after array elements.
import type { LastExit } from './launchd-status.ts';
import { neverExited } from './launchctl-parse-print-service.ts';

export type DumpValue = string | number | boolean | DumpValue[] | { [key: string]: DumpValue };
export type Dump = Record<string, DumpValue>;

export interface ListedJob {
  label: string | null;
  /** Present only while the job runs. */
  pid: number | null;
  lastExit: LastExit;
  /** `LastExitStatus` as printed: a raw wait(2) status, not an exit code. */
  rawLastExitStatus: number | null;
  program: string | null;
  arguments: string[];
  onDemand: boolean | null;
  limitLoadToSessionType: string | null;
}

const ENTRY = /^(?:"((?:[^"\\]|\\.)*)"|([\w.-]+))\s*=\s*(.*?)\s*[;,]?$/;
const CLOSER = /^[)}][;,]?$/;

/** The dump as a dictionary, or null when the text has no `{` line. */
export function parseListLabelDump(text: string): Dump | null {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const start = lines.indexOf('{');
  if (start < 0) return null;
  return parseDict(lines, { at: start + 1 });
}

interface Cursor {
  at: number;
}

function parseDict(lines: readonly string[], cursor: Cursor): Dump {
  const dict: Dump = {};
  for (; cursor.at < lines.length; cursor.at++) {
    const line = lines[cursor.at] as string;
    if (CLOSER.test(line)) return dict;
    const entry = ENTRY.exec(line);
    if (!entry) continue;
    const key = entry[1] === undefined ? (entry[2] as string) : unquote(entry[1]);
    cursor.at++;
    dict[key] = parseValue(entry[3] as string, lines, cursor);
    cursor.at--;
  }
  return dict;
}

/** Parses a value whose first token is `raw`; leaves the cursor on the line after the value. */
function parseValue(raw: string, lines: readonly string[], cursor: Cursor): DumpValue {
  if (raw === '{') {
    const dict = parseDict(lines, cursor);
    cursor.at++;
    return dict;
  }
  if (raw === '(') {
    const items: DumpValue[] = [];
    while (cursor.at < lines.length && !CLOSER.test(lines[cursor.at] as string)) {
      const item = (lines[cursor.at] as string).replace(/[;,]$/, '');
      cursor.at++;
      if (item !== '') items.push(parseValue(item, lines, cursor));
    }
    cursor.at++;
    return items;
  }
  return parseScalar(raw);
}

function parseScalar(raw: string): DumpValue {
  if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) return unquote(raw.slice(1, -1));
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?\d+$/.test(raw)) return Number(raw);
  return raw;
}

function unquote(inner: string): string {
  return inner.replace(/\\(.)/g, '$1');
}

/** A raw wait(2) status as `LastExitStatus` prints it: 256 → exit 1, 19968 → exit 78, 9 → signal 9. */
export function decodeWaitStatus(raw: number): LastExit {
  const signal = raw & 0x7f;
  if (signal === 0) return { code: (raw >> 8) & 0xff, signal: null };
  if (signal === 0x7f) return neverExited(); // stopped, not terminated: nothing ended the instance
  return { code: null, signal };
}

export function listedJobFromDump(dump: Dump): ListedJob {
  const raw = dump['LastExitStatus'];
  const rawLastExitStatus = typeof raw === 'number' ? raw : null;
  const args = dump['ProgramArguments'];
  const onDemand = dump['OnDemand'];
  return {
    label: stringOrNull(dump['Label']),
    pid: typeof dump['PID'] === 'number' ? dump['PID'] : null,
    lastExit: rawLastExitStatus === null ? neverExited() : decodeWaitStatus(rawLastExitStatus),
    rawLastExitStatus,
    program: stringOrNull(dump['Program']),
    arguments: Array.isArray(args) ? args.filter((arg): arg is string => typeof arg === 'string') : [],
    onDemand: typeof onDemand === 'boolean' ? onDemand : null,
    limitLoadToSessionType: stringOrNull(dump['LimitLoadToSessionType']),
  };
}

function stringOrNull(value: DumpValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
