// Line grammar of launchctl output, read off the real captures in test/fixtures/launchctl-samples
// so the simulator is checked against macOS, not against its own formatter.
import { readFileSync } from 'node:fs';

const SAMPLES = new URL('../../fixtures/launchctl-samples/', import.meta.url);

/** A capture's lines without its leading `# source/kind/shows` comment block. */
export function captureLines(name: string): string[] {
  const lines = readFileSync(new URL(name, SAMPLES), 'utf8').split('\n');
  let start = 0;
  while (lines[start]?.startsWith('#')) start++;
  const body = lines.slice(start);
  if (body.at(-1) === '') body.pop();
  return body;
}

export type PrintLine =
  | { kind: 'header'; target: string }
  | { kind: 'end' }
  | { kind: 'blank' }
  | { kind: 'open'; depth: number; key: string }
  | { kind: 'close'; depth: number }
  | { kind: 'scalar'; depth: number; key: string; value: string }
  | { kind: 'map-entry'; depth: number; key: string; value: string }
  | { kind: 'item'; depth: number; text: string };

function classify(line: string, index: number): PrintLine {
  if (index === 0) {
    const header = /^(\S+) = \{$/.exec(line);
    if (!header?.[1]) throw new Error(`line 1 is not a "<target> = {" header: ${JSON.stringify(line)}`);
    return { kind: 'header', target: header[1] };
  }
  if (line === '') return { kind: 'blank' };
  if (line === '}') return { kind: 'end' };
  const tabs = /^\t*/.exec(line)?.[0].length ?? 0;
  const rest = line.slice(tabs);
  if (tabs === 0) throw new Error(`line ${index + 1} is not indented with tabs: ${JSON.stringify(line)}`);
  if (rest === '}') return { kind: 'close', depth: tabs };
  const open = /^(.+?) (?:=|=>) \{$/.exec(rest);
  if (open?.[1]) return { kind: 'open', depth: tabs, key: open[1] };
  const scalar = /^([^=]+?) = (.*)$/.exec(rest);
  if (scalar?.[1] !== undefined && scalar[2] !== undefined)
    return { kind: 'scalar', depth: tabs, key: scalar[1], value: scalar[2] };
  const entry = /^(.+?) => (.*)$/.exec(rest);
  if (entry?.[1] !== undefined && entry[2] !== undefined)
    return { kind: 'map-entry', depth: tabs, key: entry[1], value: entry[2] };
  return { kind: 'item', depth: tabs, text: rest };
}

/**
 * Classifies every line of a `print` output and checks the nesting: one TAB per open block,
 * closing braces one level out, the final `}` at column 0. Throws on the first violation.
 */
export function parsePrint(lines: string[]): PrintLine[] {
  let depth = 1;
  const parsed = lines.map((line, index) => {
    const item = classify(line, index);
    if (item.kind === 'open') {
      if (item.depth !== depth)
        throw new Error(`line ${index + 1} opens at depth ${item.depth}, expected ${depth}`);
      depth++;
    } else if (item.kind === 'close') {
      if (item.depth !== depth - 1)
        throw new Error(`line ${index + 1} closes at depth ${item.depth}, expected ${depth - 1}`);
      depth--;
    } else if (item.kind === 'end') {
      if (depth !== 1) throw new Error(`final } at depth ${depth}`);
      depth = 0;
    } else if (item.kind !== 'header' && item.kind !== 'blank' && item.depth !== depth) {
      throw new Error(
        `line ${index + 1} is at depth ${item.depth}, expected ${depth}: ${JSON.stringify(lines[index])}`,
      );
    }
    return item;
  });
  return parsed;
}

/** Top-level keys in order, each with whether a blank line follows its line or block. */
export function topLevelLayout(parsed: PrintLine[]): Array<{ key: string; blankAfter: boolean }> {
  const layout: Array<{ key: string; blankAfter: boolean }> = [];
  let depth = 1;
  for (const [index, item] of parsed.entries()) {
    const next = parsed[index + 1];
    if (item.kind === 'open') {
      if (depth === 1) layout.push({ key: item.key, blankAfter: false });
      depth++;
    } else if (item.kind === 'close') {
      depth--;
      if (depth === 1) layout.at(-1)!.blankAfter = next?.kind === 'blank';
    } else if (item.kind === 'scalar' && depth === 1) {
      layout.push({ key: item.key, blankAfter: next?.kind === 'blank' });
    }
  }
  return layout;
}

/** Keys present in both layouts, in the order of `a`, and whether `b` has them in the same order. */
export function sharedKeysInOrder(
  a: Array<{ key: string }>,
  b: Array<{ key: string }>,
): { shared: string[]; sameOrder: boolean } {
  const inB = b.map((entry) => entry.key);
  const shared = a.map((entry) => entry.key).filter((key) => inB.includes(key));
  const orderInB = inB.filter((key) => shared.includes(key));
  return { shared, sameOrder: JSON.stringify(shared) === JSON.stringify(orderInB) };
}

/** Column widths of a `services = {` row: `\t\t<pid right-aligned> <status right-aligned> \t<label>`. */
export function servicesRowWidths(line: string): { pidWidth: number; statusWidth: number } | null {
  const match = /^\t\t( *\d+) ( *\S+) \t\S+$/.exec(line);
  if (!match?.[1] || !match[2]) return null;
  return { pidWidth: match[1].length, statusWidth: match[2].length };
}

/** Line grammar of the legacy `list <label>` dictionary dump. */
export function checkListDictionary(lines: string[]): string[] {
  if (lines[0] !== '{' || lines.at(-1) !== '};') throw new Error('dump must be wrapped in "{" … "};"');
  const keys: string[] = [];
  let inArray = false;
  for (const line of lines.slice(1, -1)) {
    if (inArray) {
      if (line === '\t);') inArray = false;
      else if (!/^\t\t".*";$/.test(line)) throw new Error(`bad array element ${JSON.stringify(line)}`);
      continue;
    }
    const scalar = /^\t"(\w+)" = ("[^"]*"|-?\d+|true|false);$/.exec(line);
    const array = /^\t"(\w+)" = \($/.exec(line);
    if (scalar?.[1]) keys.push(scalar[1]);
    else if (array?.[1]) {
      keys.push(array[1]);
      inArray = true;
    } else throw new Error(`bad dictionary line ${JSON.stringify(line)}`);
  }
  return keys;
}
