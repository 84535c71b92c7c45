// What counts as "the plist changed since launchd loaded it": everything `launchctl print` shows of
// the loaded plist (docs/reference/launchd.md, the print fields table).
import { describe, expect, it } from 'vitest';
import { differsFromLoaded } from '../../../../src-main/core/audit/runtime-rules.ts';
import type { LaunchAgentPlist } from '../../../../src-main/core/plist-contract.ts';
import type { ServiceStatus } from '../../../../src-main/core/launchd-status.ts';
import { healthyFleet } from './healthy-fleet.ts';

function loadedLuca(): { plist: LaunchAgentPlist; loaded: ServiceStatus } {
  const s = healthyFleet();
  const fact = s.files.plists.find((p) => p.fileName === 'ai.openclaw.luca.plist')!;
  if (!fact.read.ok) throw new Error('the healthy fleet has a readable plist');
  return { plist: structuredClone(fact.read.plist), loaded: s.loaded.get('ai.openclaw.luca')! };
}

describe('differsFromLoaded', () => {
  it('is false for the plist launchd loaded', () => {
    const { plist, loaded } = loadedLuca();
    expect(differsFromLoaded(plist, loaded)).toBe(false);
  });

  it.each<[string, (p: LaunchAgentPlist) => void]>([
    ['an argument', (p) => (p.ProgramArguments as string[]).push('--verbose')],
    ['the environment', (p) => ((p.EnvironmentVariables as Record<string, string>).EXTRA = '1')],
    ['the working directory', (p) => (p.WorkingDirectory = '/tmp/elsewhere')],
    ['the stdout path', (p) => (p.StandardOutPath = '/tmp/out.log')],
    ['the stderr path, removed', (p) => delete p.StandardErrorPath],
    ['the exit timeout', (p) => (p.ExitTimeOut = 60)],
    ['the exit timeout, removed (launchd would use 5)', (p) => delete p.ExitTimeOut],
  ])('is true after an edit of %s', (_what, edit) => {
    const { plist, loaded } = loadedLuca();
    edit(plist);
    expect(differsFromLoaded(plist, loaded)).toBe(true);
  });

  it('compares a path launchd did not show as unset, and an exit timeout it did not show not at all', () => {
    const { plist, loaded } = loadedLuca();
    const bare = { ...loaded, workingDirectory: null, exitTimeoutSeconds: null };
    expect(differsFromLoaded(plist, bare)).toBe(true);
    delete plist.WorkingDirectory;
    plist.ExitTimeOut = 999;
    expect(differsFromLoaded(plist, bare)).toBe(false);
  });
});
