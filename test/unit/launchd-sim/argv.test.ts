import { describe, expect, it } from 'vitest';
import { parseArgv, parseTarget } from '../../launchd-sim/argv.ts';

describe('parseTarget', () => {
  it.each([
    ['gui/501', { domain: { kind: 'gui', uid: 501 } }],
    ['gui/501/com.example.agent', { domain: { kind: 'gui', uid: 501 }, label: 'com.example.agent' }],
    ['system', { domain: { kind: 'other', name: 'system' } }],
    [
      'system/org.nixos.nix-daemon',
      { domain: { kind: 'other', name: 'system' }, label: 'org.nixos.nix-daemon' },
    ],
    ['user/501/x', { domain: { kind: 'other', name: 'user/501' }, label: 'x' }],
  ])('%s', (text, target) => {
    expect(parseTarget(text)).toEqual(target);
  });

  it.each(['gui', 'gui/', 'gui/abc', 'gui/501/', 'nonsense/1', '', 'com.example.agent'])(
    'rejects %j',
    (text) => {
      expect(parseTarget(text)).toBeNull();
    },
  );
});

describe('parseArgv', () => {
  const gui = { kind: 'gui', uid: 501 };

  it('parses every simulated verb', () => {
    expect(parseArgv(['bootstrap', 'gui/501', '/a.plist', '/b.plist'])).toEqual({
      ok: true,
      command: { verb: 'bootstrap', domain: gui, paths: ['/a.plist', '/b.plist'] },
    });
    expect(parseArgv(['bootout', 'gui/501/x'])).toEqual({
      ok: true,
      command: { verb: 'bootout-service', domain: gui, label: 'x' },
    });
    expect(parseArgv(['bootout', 'gui/501', '/a.plist'])).toEqual({
      ok: true,
      command: { verb: 'bootout-paths', domain: gui, paths: ['/a.plist'] },
    });
    expect(parseArgv(['kickstart', '-kp', 'gui/501/x'])).toEqual({
      ok: true,
      command: { verb: 'kickstart', domain: gui, label: 'x', kill: true, printPid: true },
    });
    expect(parseArgv(['kickstart', '-p', 'gui/501/x'])).toEqual({
      ok: true,
      command: { verb: 'kickstart', domain: gui, label: 'x', kill: false, printPid: true },
    });
    expect(parseArgv(['print', 'gui/501/x'])).toEqual({
      ok: true,
      command: { verb: 'print-service', domain: gui, label: 'x' },
    });
    expect(parseArgv(['print', 'gui/501'])).toEqual({
      ok: true,
      command: { verb: 'print-domain', domain: gui },
    });
    expect(parseArgv(['list'])).toEqual({ ok: true, command: { verb: 'list' } });
    expect(parseArgv(['list', 'x'])).toEqual({ ok: true, command: { verb: 'list', label: 'x' } });
    expect(parseArgv(['enable', 'gui/501/x'])).toEqual({
      ok: true,
      command: { verb: 'enable', domain: gui, label: 'x' },
    });
    expect(parseArgv(['disable', 'gui/501/x'])).toEqual({
      ok: true,
      command: { verb: 'disable', domain: gui, label: 'x' },
    });
    expect(parseArgv(['print-disabled', 'gui/501'])).toEqual({
      ok: true,
      command: { verb: 'print-disabled', domain: gui },
    });
    expect(parseArgv(['sim-shutdown'])).toEqual({ ok: true, command: { verb: 'sim-shutdown' } });
  });

  it('treats a legacy list operand as a bare label, even when it looks like a target', () => {
    expect(parseArgv(['list', 'gui/501/x'])).toEqual({
      ok: true,
      command: { verb: 'list', label: 'gui/501/x' },
    });
  });

  it.each([
    [['bootout', '--wait', 'gui/501/x'], 'bootout', true],
    [['bootout', 'gui/501'], 'bootout', false],
    [['bootout'], 'bootout', false],
    [['bootstrap', 'gui/501/x', '/a.plist'], 'bootstrap', true],
    [['bootstrap', 'gui/501'], 'bootstrap', false],
    [['kickstart', '-s', 'gui/501/x'], 'kickstart', false],
    [['kickstart', 'gui/501'], 'kickstart', true],
    [['kickstart', '-k'], 'kickstart', false],
    [['print', 'gui/501/x', 'extra'], 'print', false],
    [['enable', 'gui/501'], 'enable', true],
    [['print-disabled', 'gui/501/x'], 'print-disabled', true],
    [['list', '-x'], 'list', false],
    [['load', '/a.plist'], 'load', false],
    [[], '', false],
  ])('%j is a usage error', (argv, verb, badTarget) => {
    expect(parseArgv(argv)).toEqual({ ok: false, verb, badTarget });
  });
});
