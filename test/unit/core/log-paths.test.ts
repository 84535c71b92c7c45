import { describe, expect, it } from 'vitest';
import { instanceLogFiles, plistLogFiles } from '../../../src-main/core/log-paths.ts';
import { renderInstancePlist } from '../../../src-main/core/plist-contract.ts';
import { REDACTED, redactToken } from '../../../src-main/core/redact-token.ts';

const stateDir = '/Users/ada/.openclaw/.openclaw-luca';
const rendered = () =>
  renderInstancePlist({
    name: 'luca',
    port: 18789,
    stateDir,
    nodePath: '/opt/node/bin/node',
    entryPath: '/opt/oc/index.js',
  });

describe('plistLogFiles', () => {
  it("gives the product's one merged file once, for both streams", () => {
    expect(plistLogFiles(rendered())).toEqual([
      { path: `${stateDir}/logs/gateway.log`, streams: ['stdout', 'stderr'] },
    ]);
  });

  it('keeps two files apart and resolves a relative path against WorkingDirectory, else /', () => {
    const plist = {
      ...rendered(),
      StandardOutPath: 'logs/out.log',
      StandardErrorPath: `${stateDir}//logs/err.log`,
    };
    expect(plistLogFiles(plist)).toEqual([
      { path: `${stateDir}/logs/out.log`, streams: ['stdout'] },
      { path: `${stateDir}/logs/err.log`, streams: ['stderr'] },
    ]);
    expect(plistLogFiles({ StandardErrorPath: 'x.log' })).toEqual([{ path: '/x.log', streams: ['stderr'] }]);
  });

  it('is empty when launchd discards the output; without a plist the contract path stands in', () => {
    expect(plistLogFiles({ StandardOutPath: 7, StandardErrorPath: '' })).toEqual([]);
    expect(instanceLogFiles(null, stateDir)).toEqual([
      { path: `${stateDir}/logs/gateway.log`, streams: ['stdout', 'stderr'] },
    ]);
  });
});

describe('redactToken', () => {
  const token = 'c3'.repeat(32);
  it('replaces every occurrence and leaves other text alone', () => {
    expect(redactToken(`a ${token} b ${token}`, token)).toBe(`a ${REDACTED} b ${REDACTED}`);
    expect(redactToken('nothing here', token)).toBe('nothing here');
  });
  it('does nothing without a token, or with one too short to be real', () => {
    expect(redactToken('a b', null)).toBe('a b');
    expect(redactToken('a b', 'a')).toBe('a b');
  });
});
