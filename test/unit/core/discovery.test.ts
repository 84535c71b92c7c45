import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../../src-main/core/discovery.ts';
import type { FleetFiles, PlistFileFact, StateDirFact } from '../../../src-main/core/fleet-facts.ts';
import type { DomainServiceRow } from '../../../src-main/core/launchd-status.ts';
import { renderInstancePlist } from '../../../src-main/core/plist-contract.ts';

const ROOT = '/Users/ada/.openclaw';
const AGENTS = '/Users/ada/Library/LaunchAgents';

function plistFact(
  name: string,
  port: number,
  label = `ai.openclaw.${name}`,
  fileName = `${label}.plist`,
): PlistFileFact {
  const plist = renderInstancePlist({
    name,
    port,
    stateDir: `${ROOT}/.openclaw-${name}`,
    nodePath: '/n',
    entryPath: '/e',
  });
  plist.Label = label;
  return { path: `${AGENTS}/${fileName}`, fileName, read: { ok: true, plist, format: 'xml' } };
}

function stateDir(
  suffix: string,
  configText: string | null = '{"gateway":{"port":1,"auth":{"mode":"token","token":"t"}}}',
): StateDirFact {
  const path = `${ROOT}/.openclaw-${suffix}`;
  return {
    suffix,
    path,
    mode: 0o700,
    config: {
      path: `${path}/openclaw.json`,
      exists: configText !== null,
      text: configText,
      mode: 0o600,
      readError: null,
    },
  };
}

function row(label: string, pid: number | null): DomainServiceRow {
  return { label, pid, lastExit: { code: null, signal: null }, lastExitText: '-' };
}

function files(partial: Partial<FleetFiles>): FleetFiles {
  return { plists: [], stateDirs: [], rootLiveState: [], ...partial };
}

describe('discoverFleet', () => {
  it('joins plist, state dir, config and launchd into one record', () => {
    const d = discoverFleet({
      root: ROOT,
      agentsDir: AGENTS,
      files: files({ plists: [plistFact('luca', 18789)], stateDirs: [stateDir('luca')] }),
      domain: { services: [row('ai.openclaw.luca', 812)], disabled: {} },
    });
    expect(d.instances).toHaveLength(1);
    expect(d.instances[0]).toMatchObject({
      name: 'luca',
      label: 'ai.openclaw.luca',
      plistPath: `${AGENTS}/ai.openclaw.luca.plist`,
      stateDir: `${ROOT}/.openclaw-luca`,
      port: 18789,
      config: { port: 1, authMode: 'token' },
      launchd: { pid: 812 },
      disabled: false,
      drift: [],
    });
  });

  it('shows drift: plist without state dir, state dir without plist, loaded without plist', () => {
    const d = discoverFleet({
      root: ROOT,
      agentsDir: AGENTS,
      files: files({ plists: [plistFact('a', 18789)], stateDirs: [stateDir('b')] }),
      domain: { services: [row('ai.openclaw.c', 5)], disabled: { 'ai.openclaw.a': true } },
    });
    const byName = Object.fromEntries(d.instances.map((i) => [i.name, i]));
    expect(byName.a?.drift).toEqual(['plist-without-state-dir']);
    expect(byName.a?.disabled).toBe(true);
    expect(byName.b?.drift).toEqual(['state-dir-without-plist']);
    expect(byName.c?.drift).toEqual(['loaded-without-plist']);
    expect(byName.c?.plistPath).toBe(`${AGENTS}/ai.openclaw.c.plist`);
  });

  it('skips OpenClaw services and reports legacy and foreign gateways', () => {
    const d = discoverFleet({
      root: ROOT,
      agentsDir: AGENTS,
      files: files({
        plists: [plistFact('x', 1, 'ai.openclaw.gateway'), plistFact('y', 1, 'ai.openclaw.node')],
      }),
      domain: {
        services: [row('bot.molt.gateway', 44), row('ai.openclaw.mac', 3), row('ai.openclaw.Bad_Name', null)],
        disabled: {},
      },
    });
    expect(d.instances).toEqual([]);
    expect(d.otherGateways).toEqual([
      { label: 'ai.openclaw.Bad_Name', kind: 'foreign-gateway', plistPath: null, loaded: true, pid: null },
      {
        label: 'ai.openclaw.gateway',
        kind: 'legacy-gateway',
        plistPath: `${AGENTS}/ai.openclaw.gateway.plist`,
        loaded: false,
        pid: null,
      },
      { label: 'bot.molt.gateway', kind: 'legacy-gateway', plistPath: null, loaded: true, pid: 44 },
    ]);
  });

  it('reports two plist files that claim one label', () => {
    const d = discoverFleet({
      root: ROOT,
      agentsDir: AGENTS,
      files: files({
        plists: [
          plistFact('luca', 18789),
          plistFact('luca', 18909, 'ai.openclaw.luca', 'ai.openclaw.luca-copy.plist'),
        ],
      }),
      domain: null,
    });
    expect(d.labelClashes).toEqual([
      {
        label: 'ai.openclaw.luca',
        plistPaths: [`${AGENTS}/ai.openclaw.luca.plist`, `${AGENTS}/ai.openclaw.luca-copy.plist`],
      },
    ]);
    expect(d.instances[0]?.port).toBe(18789);
  });

  it('explains config problems and keeps stray dirs and root state visible', () => {
    const d = discoverFleet({
      root: ROOT,
      agentsDir: AGENTS,
      files: files({
        stateDirs: [stateDir('broken', '{gateway: '), stateDir('nocfg', null), stateDir('Not_Valid')],
        rootLiveState: ['openclaw.json', 'workspace'],
      }),
      domain: null,
    });
    const byName = Object.fromEntries(d.instances.map((i) => [i.name, i]));
    expect(byName.broken?.configProblem).toMatch(/openclaw\.json is not valid JSON5/);
    expect(byName.nocfg?.configProblem).toMatch(/openclaw\.json does not exist/);
    expect(d.strayStateDirs).toEqual([`${ROOT}/.openclaw-Not_Valid`]);
    expect(d.rootLiveState).toEqual(['openclaw.json', 'workspace']);
  });

  it('carries an unreadable plist as a problem, not as a crash', () => {
    const fact: PlistFileFact = {
      path: `${AGENTS}/ai.openclaw.z.plist`,
      fileName: 'ai.openclaw.z.plist',
      read: { ok: false, reason: 'invalid', message: 'not a plist' },
    };
    const d = discoverFleet({
      root: ROOT,
      agentsDir: AGENTS,
      files: files({ plists: [fact] }),
      domain: null,
    });
    expect(d.instances[0]).toMatchObject({ name: 'z', plist: null, plistProblem: 'not a plist', port: null });
  });
});
