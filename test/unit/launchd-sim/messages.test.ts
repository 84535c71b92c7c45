// Error texts and exit codes against the real captures they come from.
import { describe, expect, it } from 'vitest';
import { bootoutPathsFailureReply, bootstrapFailureReply } from '../../launchd-sim/bootstrap-outcome.ts';
import { lastExitLine } from '../../launchd-sim/exit-status.ts';
import {
  domainNotFound,
  enableFailed,
  failed,
  serviceNotFound,
  usageText,
} from '../../launchd-sim/messages.ts';
import { captureLines } from './capture-grammar.ts';

const gui501 = { kind: 'gui', uid: 501 } as const;

describe('texts taken from captures', () => {
  it('bootout usage error (macOS 15.7)', () => {
    const capture = captureLines('sample-t3code-bootout-usage-error-64.txt');
    const start = capture.indexOf('Unrecognized target specifier.');
    expect(usageText('bootout', true)).toBe(`${capture.slice(start, start + 4).join('\n')}\n`);
    expect(capture).toContain('64');
  });

  it('non-root generic bootstrap failure', () => {
    const capture = captureLines('sample-noclamshell-bootstrap-eio-5-via-brew.txt');
    expect(bootstrapFailureReply([{ path: '/x.plist', problem: 'already-loaded' }], false)).toEqual({
      exitCode: 5,
      stdout: '',
      stderr: `${capture.slice(1, 3).join('\n')}\n`,
    });
    for (const problem of [
      'draining',
      'disabled',
      'unreadable',
      'invalid-plist',
      'bad-permissions',
      'missing-label',
      'missing-program',
    ] as const) {
      expect(bootstrapFailureReply([{ path: '/x.plist', problem }], false).exitCode).toBe(5);
    }
  });

  it('root: disabled → per-path line + 119', () => {
    const capture = captureLines('sample-nixinstaller-bootstrap-disabled-119-as-root.txt').map((line) =>
      line.replace(/^\s+(stderr: )?/, ''),
    );
    const path = '/Library/LaunchDaemons/org.nixos.darwin-store.plist';
    expect(bootstrapFailureReply([{ path, problem: 'disabled' }], true)).toEqual({
      exitCode: 119,
      stdout: '',
      stderr: `${capture.slice(1, 3).join('\n')}\n`,
    });
  });

  it('root: already loaded → "service already loaded" + 37', () => {
    const [line] = captureLines('sample-brew-bootstrap-already-loaded-37.txt');
    const path = '/Users/user/Library/LaunchAgents/homebrew.mxcl.gitlab-runner.plist';
    const result = bootstrapFailureReply([{ path, problem: 'already-loaded' }], true);
    expect(result.exitCode).toBe(37);
    expect(result.stderr.split('\n')[0]).toBe(line);
  });

  it('root: invalid plist → per-path line and 133 (Sierra)', () => {
    const capture = captureLines('sample-homebrew-print-system-services-row-and-invalid-plist.txt');
    const path = '/Library/LaunchDaemons/homebrew.mxcl.ntp.plist';
    expect(bootstrapFailureReply([{ path, problem: 'invalid-plist' }], true)).toEqual({
      exitCode: 133,
      stdout: '',
      stderr: `${capture.find((line) => line.startsWith(path))}\n`,
    });
  });

  it('root: bad ownership/permissions → 122', () => {
    const capture = captureLines('sample-brew-bootstrap-system-bad-ownership.txt');
    const path = '/usr/local/Cellar/ntp/4.2.8p10/homebrew.mxcl.ntp.plist';
    const result = bootstrapFailureReply([{ path, problem: 'bad-permissions' }], true);
    expect(result.exitCode).toBe(122);
    expect(result.stderr.split('\n')[0]).toBe(capture.find((line) => line.startsWith(path)));
  });

  it('missing gui domain at bootstrap → 125', () => {
    expect(failed('Bootstrap', 125)).toBe(
      `${captureLines('sample-sopsnix-bootstrap-gui-domain-missing-125.txt')[0]}\n`,
    );
  });

  it('bootout of a label that is not loaded → 3', () => {
    const capture = captureLines('sample-homemanager-bootout-not-loaded-no-such-process.txt');
    expect(capture).toContain(`# ${failed('Boot-out', 3).trim()}`);
  });

  it('kickstart / print of a label that is not loaded → 113, gui wording', () => {
    expect(serviceNotFound('edgedb-server-authub', gui501)).toBe(
      `${captureLines('sample-gelcli-kickstart-gui-not-found-113.txt')[1]}\n`,
    );
    const print = captureLines('sample-tosssoft-print-service-not-found-113.txt');
    expect(`Bad request.\n${serviceNotFound('software.toss.agent-runtime', gui501)}`).toBe(
      `${print.join('\n')}\n`,
    );
    const system = captureLines('sample-nixinstaller-kickstart-k-system-not-found-113.txt')[1]?.replace(
      /^\s+stderr: /,
      '',
    );
    expect(serviceNotFound('org.nixos.darwin-store', { kind: 'other', name: 'system' })).toBe(`${system}\n`);
  });

  it('sysexits rendering of 78', () => {
    const line = captureLines('sample-skhd-print-fragment-exit78-exconfig.txt').find((text) =>
      text.startsWith('last exit code'),
    );
    const { key, value } = lastExitLine({ kind: 'exited', code: 78 });
    expect(`${key} = ${value}`).toBe(line);
  });
});

describe('texts without a capture', () => {
  it('missing domain for print / enable (launchd.md §3.4, §3.6)', () => {
    expect(domainNotFound(gui501)).toBe('Could not find domain for user gui: 501\n');
    expect(enableFailed('enable', 125)).toBe(
      'Could not enable service: 125: Domain does not support specified action\n',
    );
  });

  it('bootout by path of a job that is not loaded → 5, with the hint for non-root', () => {
    expect(bootoutPathsFailureReply(['/x.plist'], false)).toEqual({
      exitCode: 5,
      stdout: '',
      stderr:
        'Boot-out failed: 5: Input/output error\nTry re-running the command as root for richer errors.\n',
    });
    expect(bootoutPathsFailureReply(['/x.plist'], true).stderr).toBe(
      '/x.plist: Could not find specified service\nBoot-out failed: 5: Input/output error\n',
    );
  });

  it('several failing paths as root → 133, per-path lines only', () => {
    const result = bootstrapFailureReply(
      [
        { path: '/a.plist', problem: 'disabled' },
        { path: '/b.plist', problem: 'unreadable' },
      ],
      true,
    );
    expect(result).toEqual({
      exitCode: 133,
      stdout: '',
      stderr: '/a.plist: Service is disabled\n/b.plist: No such file or directory\n',
    });
  });

  it('unknown subcommand', () => {
    expect(usageText('frobnicate', false)).toMatch(
      /^Unrecognized subcommand: frobnicate\nUsage: launchctl <subcommand> \.\.\. \| help \[subcommand\]\n/,
    );
    expect(usageText('kickstart', false)).toBe(
      'Usage: launchctl kickstart [-k] [-p] <service-target>\n<service-target> takes a form of <domain-target>/<service-id>.\nPlease refer to `man launchctl` for explanation of the <domain-target> specifiers.\n',
    );
    expect(usageText('list', false)).toBe('Usage: launchctl list [service-name]\n');
  });
});
