// `launchctl print` output is a tree: `key = value` lines and `key = {` … `}` blocks, one indentation step per
// nesting level. launchd indents with tabs, but captures in the wild were re-rendered with 4 or 8 spaces, pasted
// as fragments starting at column 0, or abridged with elision lines at column 0 inside a block. So nesting is
// decided by comparing a line's indentation width with the indentation of the block opener it sits in — no
// particular indentation unit (tab, 4 spaces, 8 spaces) is assumed, and no absolute depth is trusted.

export interface PrintField {
  kind: 'field';
  key: string;
  value: string;
}

export interface PrintBlock {
  kind: 'block';
  key: string;
  children: PrintNode[];
}

/** A non-blank line that is neither a field nor a block: table rows, argv elements, `KEY => value` entries. */
export interface PrintLine {
  kind: 'line';
  text: string;
}

export type PrintNode = PrintField | PrintBlock | PrintLine;

export interface PrintTree {
  /** `gui/501/com.example.agent` from a `<target> = {` first line; null for a fragment without one. */
  target: string | null;
  /** The nodes at the top level of the output (inside the target block when there is one). */
  nodes: PrintNode[];
}

// Blocks whose entries are kept verbatim: an argv element or an environment value may itself end in ` = {`
// or be a lone `}`; only a `}` at (or left of) the opener's indentation closes them.
const VERBATIM_BLOCKS: ReadonlySet<string> = new Set([
  'arguments',
  'environment',
  'default environment',
  'inherited environment',
  'global environment',
  'services',
  'disabled services',
]);

const BLOCK_OPENER = /^(.+?) =>? \{$/;
const FIELD = /^([^=]+?) = ?(.*)$/;

interface OpenBlock {
  block: PrintBlock;
  indent: number;
  verbatim: boolean;
}

export function parsePrintTree(text: string): PrintTree {
  const root: PrintBlock = { kind: 'block', key: '', children: [] };
  const stack: OpenBlock[] = [{ block: root, indent: -1, verbatim: false }];

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    const body = line.trimStart();
    if (body === '') continue;
    const indent = line.length - body.length;
    const current = stack.at(-1) as OpenBlock;

    if (indent <= current.indent && (body === '}' || BLOCK_OPENER.test(body) || isField(body))) {
      // Not indented deeper than the open block, so not inside it: close every block this line is not
      // indented deeper than. A truncated or abridged block may have lost its own `}`; elision lines such as
      // `[…]` at column 0 are none of these shapes and stay inside.
      while (stack.length > 1 && (stack.at(-1) as OpenBlock).indent >= indent) stack.pop();
      if (body === '}') continue;
    }
    const parent = stack.at(-1) as OpenBlock;
    if (parent.verbatim) {
      parent.block.children.push({ kind: 'line', text: body });
      continue;
    }
    const opener = BLOCK_OPENER.exec(body);
    if (opener) {
      const key = (opener[1] as string).trim();
      const block: PrintBlock = { kind: 'block', key, children: [] };
      parent.block.children.push(block);
      stack.push({ block, indent, verbatim: VERBATIM_BLOCKS.has(key) });
      continue;
    }
    const field = isField(body) ? FIELD.exec(body) : null;
    if (field) {
      parent.block.children.push({
        kind: 'field',
        key: (field[1] as string).trim(),
        value: (field[2] as string).trim(),
      });
      continue;
    }
    parent.block.children.push({ kind: 'line', text: body });
  }

  const [first] = root.children;
  if (first?.kind === 'block' && isTargetKey(first.key)) return { target: first.key, nodes: first.children };
  return { target: null, nodes: root.children };
}

// `NAME => value` entries contain ` = ` too (`a => b = c`) but are entries, not fields.
function isField(body: string): boolean {
  return FIELD.test(body) && !body.includes(' => ');
}

/** `system`, `gui/501`, `gui/501/label`, or a bare label (≤ Mojave headers): never a field-block name. */
function isTargetKey(key: string): boolean {
  return key === 'system' || /^[^\s"]*[./][^\s"]*$/.test(key);
}

export function fieldValue(nodes: readonly PrintNode[], key: string): string | null {
  for (const node of nodes) if (node.kind === 'field' && node.key === key) return node.value;
  return null;
}

export function findBlock(nodes: readonly PrintNode[], key: string): PrintBlock | null {
  for (const node of nodes) if (node.kind === 'block' && node.key === key) return node;
  return null;
}

/** Text of the verbatim lines of a block, in order. */
export function blockLines(block: PrintBlock | null): string[] {
  if (block === null) return [];
  return block.children.flatMap((node) => (node.kind === 'line' ? [node.text] : []));
}

/** Entries of an environment-style block: `NAME => value` per line. */
export function arrowEntries(block: PrintBlock | null): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const text of blockLines(block)) {
    const at = text.indexOf(' => ');
    if (at > 0) entries.push([text.slice(0, at).trim(), text.slice(at + 4)]);
  }
  return entries;
}

/** A leading non-negative integer (`5`, `10 s`), or null. */
export function leadingCount(value: string | null): number | null {
  if (value === null) return null;
  const match = /^(\d+)/.exec(value);
  return match ? Number(match[1]) : null;
}
