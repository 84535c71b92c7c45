import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../../src-main/core/discovery.ts';
import type { ConfigFileFact, FleetFiles } from '../../../src-main/core/fleet-facts.ts';
import { parseConfigFact } from '../../../src-main/core/gateway-config.ts';
import { memoConfigParse } from '../../../src-main/fleet/config-parse-memo.ts';

const ROOT = '/Users/ada/.openclaw';

function configFact(port: number): ConfigFileFact {
  return {
    path: `${ROOT}/.openclaw-ana/openclaw.json`,
    exists: true,
    text: `{gateway: {port: ${port}, auth: {mode: 'token', token: 't'}}}`,
    mode: 0o600,
    readError: null,
  };
}

function files(config: ConfigFileFact): FleetFiles {
  return {
    plists: [],
    stateDirs: [{ suffix: 'ana', path: `${ROOT}/.openclaw-ana`, mode: 0o700, config }],
    rootLiveState: [],
  };
}

/** A memo over a parser that counts its calls. */
function countedMemo() {
  let parses = 0;
  const parseConfig = memoConfigParse((c) => (parses++, parseConfigFact(c)));
  return { parseConfig, parses: () => parses };
}

describe('config parse memo: a config is parsed once per read of its file', () => {
  it('parses a fact once however often the fleet is discovered from it', () => {
    const { parseConfig, parses } = countedMemo();
    const fact = configFact(18801);
    for (let i = 0; i < 5; i++) {
      const d = discoverFleet({ root: ROOT, agentsDir: '/a', files: files(fact), domain: null, parseConfig });
      expect(d.instances[0]!.config?.port).toBe(18801);
    }
    expect(parses()).toBe(1);
  });

  it('parses a new fact (the file was read again) and gives its own view', () => {
    const { parseConfig, parses } = countedMemo();
    const discover = (fact: ConfigFileFact) =>
      discoverFleet({ root: ROOT, agentsDir: '/a', files: files(fact), domain: null, parseConfig });
    discover(configFact(18801));
    expect(discover(configFact(18802)).instances[0]!.config?.port).toBe(18802);
    expect(parses()).toBe(2);
  });

  it('gives what an unmemoized discovery gives, unreadable and invalid configs included', () => {
    const { parseConfig } = countedMemo();
    for (const fact of [
      configFact(18801),
      { ...configFact(1), text: '{nope' },
      { ...configFact(1), text: null, readError: 'cannot read it (EACCES)' },
    ]) {
      const plain = discoverFleet({ root: ROOT, agentsDir: '/a', files: files(fact), domain: null });
      const memo = discoverFleet({
        root: ROOT,
        agentsDir: '/a',
        files: files(fact),
        domain: null,
        parseConfig,
      });
      expect(memo).toEqual(plain);
    }
  });
});
