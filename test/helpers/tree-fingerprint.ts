// File-tree fingerprints: type, mode and content hash (or link target) of every entry, to prove an
// operation moved bytes and nothing else, or, with modification times, that it touched nothing.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every entry under `dir` (relative path → type, mode and content hash or link target). With
 * `mtimes`, also modification times, so "changed nothing" includes "touched nothing".
 */
export function fingerprint(dir: string, options: { mtimes?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const path = rel === '' ? dir : join(dir, rel);
    if (rel !== '') out.set(rel, describeEntry(path, options));
    if (lstatSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(rel === '' ? name : join(rel, name));
    }
  };
  walk('');
  return out;
}

function describeEntry(path: string, options: { mtimes?: boolean }): string {
  const info = lstatSync(path);
  const mode = (info.mode & 0o7777).toString(8);
  const time = options.mtimes ? `:${info.mtimeMs}` : '';
  if (info.isSymbolicLink()) return `link:${readlinkSync(path)}${time}`;
  if (info.isDirectory()) return `dir:${mode}${time}`;
  return `file:${mode}:${createHash('sha256').update(readFileSync(path)).digest('hex')}${time}`;
}

/** Fingerprints of the given entries of `root` and everything below them, keyed `<entry>/<path>`. */
export function fingerprintEntries(root: string, entries: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of entries) {
    out.set(entry, describeEntry(join(root, entry), {}));
    if (lstatSync(join(root, entry)).isDirectory()) {
      for (const [rel, value] of fingerprint(join(root, entry))) out.set(`${entry}/${rel}`, value);
    }
  }
  return out;
}
