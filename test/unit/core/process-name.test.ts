import { describe, expect, it } from 'vitest';
import { commandNameFromPs } from '../../../src-main/core/process-name.ts';

describe('commandNameFromPs', () => {
  it.each([
    // Linux procps: the kernel's short name.
    ['sleep\n', 'sleep'],
    // macOS ps: the executable's full path, or argv[0] as the parent passed it.
    ['/sbin/launchd\n', 'launchd'],
    ['/opt/homebrew/Cellar/node/24.16.0/bin/node\n', 'node'],
    ['/Users/u/Library/Application Support/Claude/claude.app/Contents/MacOS/claude\n', 'claude'],
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\n', 'Google Chrome'],
    ['-zsh\n', '-zsh'],
    ['openclaw-gateway\n', 'openclaw-gateway'],
  ])('%j -> %s', (output, name) => {
    expect(commandNameFromPs(output)).toBe(name);
  });

  it('is null when ps printed nothing (the pid is gone)', () => {
    expect(commandNameFromPs('')).toBeNull();
    expect(commandNameFromPs('\n  \n')).toBeNull();
    expect(commandNameFromPs('/\n')).toBeNull();
  });
});
