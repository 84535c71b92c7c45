// Reads and writes LaunchAgent plists. launchd accepts XML and binary plists, so both are read;
// the product always writes XML (0644, as launchd requires: not group- or world-writable).
import { readFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import { build, parse, parseBinary, type PlistValue } from 'plist';
import type { PlistReadResult } from '../core/fleet-facts.ts';
import type { LaunchAgentPlist } from '../core/plist-contract.ts';
import { writeFileAtomic } from './atomic-file.ts';

const BINARY_MAGIC = 'bplist00';

export async function readPlistFile(path: string): Promise<PlistReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: `${path} does not exist` };
    return {
      ok: false,
      reason: 'unreadable',
      message: `cannot read ${path} (${code ?? 'error'}): check its permissions`,
    };
  }
  return parsePlistBytes(path, bytes);
}

export function parsePlistBytes(path: string, bytes: Uint8Array): PlistReadResult {
  const binary = Buffer.from(bytes.subarray(0, BINARY_MAGIC.length)).toString('latin1') === BINARY_MAGIC;
  let value: PlistValue;
  try {
    value = binary ? parseBinary(bytes) : parse(wellFormed(Buffer.from(bytes).toString('utf8')));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      reason: 'invalid',
      message: `${path} is not a valid ${binary ? 'binary' : 'XML'} property list (${detail}); check it with \`plutil -lint ${path}\``,
    };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Date ||
    value instanceof Uint8Array
  ) {
    return {
      ok: false,
      reason: 'invalid',
      message: `${path} does not hold a dictionary at its top level, so it is not a LaunchAgent`,
    };
  }
  return { ok: true, plist: value, format: binary ? 'binary' : 'xml' };
}

export function renderPlistXml(plist: LaunchAgentPlist): string {
  return build(plist as PlistValue);
}

export async function writePlistFile(
  path: string,
  plist: LaunchAgentPlist,
  backupDir?: string,
): Promise<{ backupPath: string | null }> {
  return writeFileAtomic(path, renderPlistXml(plist), {
    mode: 0o644,
    ...(backupDir === undefined ? {} : { backupDir }),
  });
}

/**
 * The plist package's XML parser logs fatal errors to stderr before it throws, which would print
 * xmldom noise in every command that meets a broken plist; a quiet parse first turns them into errors.
 */
function wellFormed(text: string): string {
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'text/xml');
  return text;
}
