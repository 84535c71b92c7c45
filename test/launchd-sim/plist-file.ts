// Reading a job plist the way launchd accepts it at bootstrap: a readable regular file owned by
// the caller (or root), not group/world-writable, in XML or binary form.
import { readFileSync, statSync } from 'node:fs';
import { parseBuffer } from 'bplist-parser';
import { parse as parseXmlPlist } from 'plist';

export type PlistProblem = 'unreadable' | 'bad-permissions' | 'invalid-plist';
export type PlistRead = { ok: true; plist: unknown } | { ok: false; problem: PlistProblem };

const BINARY_MAGIC = 'bplist00';

export function parsePlistBytes(bytes: Buffer): unknown {
  if (bytes.subarray(0, BINARY_MAGIC.length).toString('latin1') === BINARY_MAGIC)
    return parseBuffer(bytes)[0];
  return parseXmlPlist(bytes.toString('utf8'));
}

export function readPlistFile(path: string, uid: number): PlistRead {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, problem: 'unreadable' };
    if ((stat.mode & 0o022) !== 0 || (stat.uid !== uid && stat.uid !== 0))
      return { ok: false, problem: 'bad-permissions' };
    bytes = readFileSync(path);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  try {
    const plist = parsePlistBytes(bytes);
    return plist === null || plist === undefined
      ? { ok: false, problem: 'invalid-plist' }
      : { ok: true, plist };
  } catch {
    return { ok: false, problem: 'invalid-plist' };
  }
}
