// /proc parsing, socket path choice and plist reading.
import { accessSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bplistCreator from 'bplist-creator';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlistFile } from '../../launchd-sim/plist-file.ts';
import { parseProcStat } from '../../launchd-sim/proc-fs.ts';
import { procBackend } from '../../launchd-sim/proc-info.ts';
import { readSimConfig, socketPathFor } from '../../launchd-sim/sim-config.ts';

function hasProc(): boolean {
  try {
    accessSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}

describe('parseProcStat', () => {
  it('reads state, pgrp and start time, even with spaces and parentheses in the name', () => {
    const fields = [
      'S',
      '1',
      '4242',
      '4242',
      '0',
      '-1',
      '4194560',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '20',
      '0',
      '1',
      '0',
      '987654',
    ];
    expect(parseProcStat(`4242 (we(ird) name) ${fields.join(' ')} 1 2 3`)).toEqual({
      state: 'S',
      pgrp: 4242,
      startTime: '987654',
    });
  });

  it.skipIf(!hasProc())('agrees with the live entry of this process', () => {
    const stat = procBackend('proc').readStat(process.pid);
    expect(stat?.state).toMatch(/^[RS]$/);
    expect(stat?.startTime).toMatch(/^\d+$/);
  });
});

describe('sim config', () => {
  it('requires LAUNCHD_SIM_DIR and a positive time scale', () => {
    expect(readSimConfig({}, '/')).toEqual({
      ok: false,
      message: expect.stringContaining('LAUNCHD_SIM_DIR'),
    });
    expect(readSimConfig({ LAUNCHD_SIM_DIR: '/x', LAUNCHD_SIM_TIME_SCALE: '0' }, '/').ok).toBe(false);
    expect(
      readSimConfig(
        {
          LAUNCHD_SIM_DIR: 'rel',
          LAUNCHD_SIM_TIME_SCALE: '0.1',
          LAUNCHD_SIM_NO_GUI: '1',
          LAUNCHD_SIM_OWNER_PID: '12',
        },
        '/base',
      ),
    ).toEqual({
      ok: true,
      config: { dir: '/base/rel', timeScale: 0.1, noGui: true, root: false, ownerPid: 12 },
    });
  });

  it('keeps the socket in the state dir unless the path would be too long for sun_path', () => {
    expect(socketPathFor('/tmp/launchd-sim-abc', '/tmp')).toBe('/tmp/launchd-sim-abc/launchd.sock');
    const deep = `/tmp/${'d'.repeat(120)}`;
    const socket = socketPathFor(deep, '/tmp');
    expect(socket).toMatch(/^\/tmp\/launchd-sim-[0-9a-f]{16}\.sock$/);
    expect(socketPathFor(deep, '/tmp')).toBe(socket);
    expect(socketPathFor(`${deep}x`, '/tmp')).not.toBe(socket);
  });

  it('fits a state dir in a macOS per-user tmp dir (104-byte sun_path) without hashing', () => {
    const macTmp = '/var/folders/9x/8ksk1d2j7x9b_w0bqvgqfdbr0000gn/T';
    const dir = `/private${macTmp}/launchd-sim-AbC123`;
    expect(socketPathFor(dir, macTmp)).toBe(`${dir}/launchd.sock`);
    expect(Buffer.byteLength(socketPathFor(dir, macTmp))).toBeLessThan(104);
  });
});

describe('readPlistFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'launchd-sim-plist-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const uid = process.getuid?.() ?? 0;
  const write = (name: string, content: string | Buffer, mode = 0o644) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    chmodSync(path, mode);
    return path;
  };
  const xml =
    '<?xml version="1.0"?><plist version="1.0"><dict><key>Label</key><string>a</string><key>ThrottleInterval</key><integer>3</integer></dict></plist>';

  it('parses XML and binary plists alike', () => {
    expect(readPlistFile(write('a.plist', xml), uid)).toEqual({
      ok: true,
      plist: { Label: 'a', ThrottleInterval: 3 },
    });
    expect(readPlistFile(write('b.plist', bplistCreator({ Label: 'a', ThrottleInterval: 3 })), uid)).toEqual({
      ok: true,
      plist: { Label: 'a', ThrottleInterval: 3 },
    });
  });

  it('refuses group- or world-writable files, missing files and garbage', () => {
    expect(readPlistFile(write('g.plist', xml, 0o664), uid)).toEqual({
      ok: false,
      problem: 'bad-permissions',
    });
    expect(readPlistFile(write('w.plist', xml, 0o646), uid)).toEqual({
      ok: false,
      problem: 'bad-permissions',
    });
    expect(readPlistFile(join(dir, 'missing.plist'), uid)).toEqual({ ok: false, problem: 'unreadable' });
    expect(readPlistFile(dir, uid)).toEqual({ ok: false, problem: 'unreadable' });
    expect(readPlistFile(write('bad.plist', '<plist><dict><key>Label'), uid)).toEqual({
      ok: false,
      problem: 'invalid-plist',
    });
    expect(readPlistFile(write('bad.bplist', Buffer.from('bplist00garbage')), uid)).toEqual({
      ok: false,
      problem: 'invalid-plist',
    });
  });
});
