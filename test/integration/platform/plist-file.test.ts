import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBinary } from 'plist';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInstancePlist } from '../../../src-main/core/plist-contract.ts';
import { readPlistFile, writePlistFile } from '../../../src-main/platform/plist-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocf-plist-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plist = renderInstancePlist({
  name: 'luca',
  port: 18789,
  stateDir: '/Users/ada/.openclaw/.openclaw-luca',
  nodePath: '/usr/local/bin/node',
  entryPath: '/usr/local/lib/node_modules/openclaw/dist/index.js',
});

describe('plist files', () => {
  it('writes XML that reads back to the same dictionary, mode 0644', async () => {
    const path = join(dir, 'ai.openclaw.luca.plist');
    await writePlistFile(path, plist);
    expect(statSync(path).mode & 0o777).toBe(0o644);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('<!DOCTYPE plist');
    expect(text).toContain('<key>KeepAlive</key>');
    expect(await readPlistFile(path)).toEqual({ ok: true, plist, format: 'xml' });
  });

  it('reads binary plists, which launchd accepts too', async () => {
    const path = join(dir, 'ai.openclaw.luca.plist');
    writeFileSync(path, buildBinary(plist as never));
    expect(readFileSync(path).subarray(0, 8).toString('latin1')).toBe('bplist00');
    expect(await readPlistFile(path)).toEqual({ ok: true, plist, format: 'binary' });
  });

  it('names the file and the fix when the XML is broken', async () => {
    const path = join(dir, 'broken.plist');
    writeFileSync(path, '<?xml version="1.0"?><plist version="1.0"><dict><key>Label</key><string>x</dict>');
    const result = await readPlistFile(path);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (!result.ok) expect(result.message).toContain(`plutil -lint ${path}`);
  });

  it('reads a broken plist without printing parser noise', async () => {
    const path = join(dir, 'noisy.plist');
    writeFileSync(path, '<?xml version="1.0"?><plist><dict><key>Label</key>');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await readPlistFile(path)).toMatchObject({ ok: false, reason: 'invalid' });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses a plist whose top level is not a dictionary', async () => {
    const path = join(dir, 'array.plist');
    writeFileSync(
      path,
      '<?xml version="1.0"?><plist version="1.0"><array><string>x</string></array></plist>',
    );
    expect(await readPlistFile(path)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('reports a missing file as missing', async () => {
    expect(await readPlistFile(join(dir, 'nope.plist'))).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('backs up the previous file before replacing it and leaves no temp files', async () => {
    const path = join(dir, 'ai.openclaw.luca.plist');
    const backups = join(dir, 'backups');
    writeFileSync(path, 'old contents');
    const { backupPath } = await writePlistFile(path, plist, backups);
    expect(backupPath).not.toBeNull();
    expect(readFileSync(backupPath as string, 'utf8')).toBe('old contents');
    expect(statSync(backups).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir).sort()).toEqual(['ai.openclaw.luca.plist', 'backups']);
  });

  it('makes no backup when there was nothing to replace', async () => {
    const { backupPath } = await writePlistFile(join(dir, 'new.plist'), plist, join(dir, 'backups'));
    expect(backupPath).toBeNull();
  });
});
