import { describe, expect, it } from 'vitest';
import { MISSING_PATH, type PathFacts } from '../../../src-main/core/path-facts.ts';
import { renderInstancePlist, type LaunchAgentPlist } from '../../../src-main/core/plist-contract.ts';
import { lintInstancePlist } from '../../../src-main/core/plist-lint.ts';

const STATE = '/Users/ada/.openclaw/.openclaw-luca';
const NODE = '/opt/homebrew/opt/node@24/bin/node';
const ENTRY = '/opt/homebrew/lib/node_modules/openclaw/dist/index.js';
const PLIST_PATH = '/Users/ada/Library/LaunchAgents/ai.openclaw.luca.plist';
const TOKEN = 'f'.repeat(64);

const files: Record<string, PathFacts> = {
  [NODE]: { exists: true, isFile: true, isDirectory: false, executable: true },
  [ENTRY]: { exists: true, isFile: true, isDirectory: false, executable: false },
  [`${STATE}/logs`]: { exists: true, isFile: false, isDirectory: true, executable: false },
};
const inspect = (path: string): PathFacts => files[path] ?? MISSING_PATH;

function contract(): LaunchAgentPlist {
  return renderInstancePlist({
    name: 'luca',
    port: 18789,
    stateDir: STATE,
    nodePath: NODE,
    entryPath: ENTRY,
  });
}

function codes(
  plist: LaunchAgentPlist,
  extra: Partial<Parameters<typeof lintInstancePlist>[1]> = {},
): string[] {
  return lintInstancePlist(plist, {
    plistPath: PLIST_PATH,
    expectedStateDir: STATE,
    knownTokens: [TOKEN],
    inspect,
    ...extra,
  }).map((f) => f.code);
}

describe('lintInstancePlist', () => {
  it('finds nothing wrong with the rendered contract plist', () => {
    expect(codes(contract())).toEqual([]);
  });

  it.each<[string, (p: LaunchAgentPlist) => void, string]>([
    ['missing Label', (p) => delete p.Label, 'plist-label-missing'],
    ['Label not matching the file', (p) => (p.Label = 'ai.openclaw.critic'), 'plist-label-file-mismatch'],
    ['RunAtLoad false', (p) => (p.RunAtLoad = false), 'plist-run-at-load'],
    ['KeepAlive dictionary', (p) => (p.KeepAlive = { SuccessfulExit: false }), 'plist-keep-alive'],
    ['KeepAlive missing', (p) => delete p.KeepAlive, 'plist-keep-alive'],
    [
      'one-string command line',
      (p) => (p.ProgramArguments = [`${NODE} ${ENTRY} gateway --port 18789`]),
      'plist-program-arguments',
    ],
    ['port not a number', (p) => ((p.ProgramArguments as string[])[4] = 'abc'), 'plist-program-arguments'],
    ['port out of range', (p) => ((p.ProgramArguments as string[])[4] = '70000'), 'plist-program-arguments'],
    ['relative node', (p) => ((p.ProgramArguments as string[])[0] = 'node'), 'plist-node-not-absolute'],
    [
      'missing node',
      (p) => ((p.ProgramArguments as string[])[0] = '/usr/local/bin/node'),
      'plist-node-missing',
    ],
    [
      'missing entry',
      (p) => ((p.ProgramArguments as string[])[1] = '/nowhere/index.js'),
      'plist-entry-missing',
    ],
    [
      'extra flag',
      (p) => (p.ProgramArguments as string[]).push('--allow-unconfigured'),
      'plist-extra-arguments',
    ],
    [
      'no state dir env',
      (p) => delete (p.EnvironmentVariables as Record<string, string>).OPENCLAW_STATE_DIR,
      'plist-state-dir-missing',
    ],
    [
      'root container as state dir',
      (p) => ((p.EnvironmentVariables as Record<string, string>).OPENCLAW_STATE_DIR = '/Users/ada/.openclaw'),
      'plist-state-dir-mismatch',
    ],
    [
      'PATH without node dir',
      (p) => ((p.EnvironmentVariables as Record<string, string>).PATH = '/usr/bin:/bin'),
      'plist-path-env',
    ],
    [
      'log outside the instance',
      (p) => (p.StandardErrorPath = '/Users/ada/Library/Logs/openclaw/gateway.log'),
      'plist-log-path-outside',
    ],
    [
      'log escaping with ..',
      (p) => (p.StandardOutPath = `${STATE}/../gateway.log`),
      'plist-log-path-outside',
    ],
    ['no stdout path', (p) => delete p.StandardOutPath, 'plist-log-path-missing'],
    ['log folder missing', (p) => (p.StandardOutPath = `${STATE}/nolog/out.log`), 'plist-log-dir-missing'],
    [
      'self label pointing elsewhere',
      (p) =>
        ((p.EnvironmentVariables as Record<string, string>).OPENCLAW_LAUNCHD_LABEL = 'ai.openclaw.gateway'),
      'plist-self-label-mismatch',
    ],
  ])('reports %s', (_what, breakIt, code) => {
    const plist = contract();
    breakIt(plist);
    expect(codes(plist)).toContain(code);
  });

  it('reports a token in the environment or arguments without repeating it', () => {
    const plist = contract();
    (plist.EnvironmentVariables as Record<string, string>).OPENCLAW_GATEWAY_TOKEN = TOKEN;
    (plist.EnvironmentVariables as Record<string, string>).EXTRA = `x${TOKEN}`;
    (plist.ProgramArguments as string[]).push(`--token=${TOKEN}`);
    const findings = lintInstancePlist(plist, {
      plistPath: PLIST_PATH,
      expectedStateDir: STATE,
      knownTokens: [TOKEN],
      inspect,
    });
    const exposed = findings.find((f) => f.code === 'plist-token-exposed');
    expect(exposed?.severity).toBe('error');
    expect(exposed?.message).toContain('EnvironmentVariables.OPENCLAW_GATEWAY_TOKEN');
    expect(exposed?.message).toContain('EnvironmentVariables.EXTRA');
    expect(exposed?.message).toContain('ProgramArguments[5]');
    expect(JSON.stringify(findings)).not.toContain(TOKEN);
  });

  it('does not mistake short values such as the port for a token', () => {
    expect(codes(contract(), { knownTokens: ['18789'] })).toEqual([]);
  });

  it('takes the state dir from the plist when the caller does not know it', () => {
    const plist = contract();
    plist.StandardOutPath = '/tmp/out.log';
    expect(codes(plist, { expectedStateDir: undefined })).toEqual(['plist-log-path-outside']);
  });

  it('gives every finding a message and a fix', () => {
    const plist: LaunchAgentPlist = {
      Label: 'ai.openclaw.luca',
      KeepAlive: { Crashed: true },
      ProgramArguments: 'node',
    };
    const findings = lintInstancePlist(plist, { plistPath: PLIST_PATH, expectedStateDir: STATE, inspect });
    expect(findings.length).toBeGreaterThanOrEqual(4);
    for (const f of findings) {
      expect(f.code).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.fix.length).toBeGreaterThan(5);
    }
  });
});

describe('messages about arguments', () => {
  it('redact a bare --token value and known tokens', () => {
    const plist = contract();
    plist.ProgramArguments = [NODE, ENTRY, 'gateway', '--token', 'hunter2-secret-value', TOKEN];
    const text = JSON.stringify(
      lintInstancePlist(plist, {
        plistPath: PLIST_PATH,
        expectedStateDir: STATE,
        knownTokens: [TOKEN],
        inspect,
      }),
    );
    expect(text).toContain('plist-program-arguments');
    expect(text).toContain('<redacted>');
    expect(text).not.toContain('hunter2-secret-value');
    expect(text).not.toContain(TOKEN);
  });
});
