import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../../src-main/core/discovery.ts';
import type { FleetFiles } from '../../../src-main/core/fleet-facts.ts';
import type { Listener } from '../../../src-main/core/listeners.ts';
import { planNewInstance } from '../../../src-main/core/new-instance-plan.ts';
import { renderInstancePlist } from '../../../src-main/core/plist-contract.ts';

const ROOT = '/Users/ada/.openclaw';
const AGENTS = '/Users/ada/Library/LaunchAgents';

function fleet(
  instances: { name: string; port: number; plist?: boolean; stateDir?: boolean; pid?: number | null }[],
) {
  const files: FleetFiles = { plists: [], stateDirs: [], rootLiveState: [] };
  const services = [];
  for (const i of instances) {
    const stateDir = `${ROOT}/.openclaw-${i.name}`;
    if (i.plist !== false) {
      const plist = renderInstancePlist({
        name: i.name,
        port: i.port,
        stateDir,
        nodePath: '/n',
        entryPath: '/e',
      });
      const fileName = `ai.openclaw.${i.name}.plist`;
      files.plists.push({
        path: `${AGENTS}/${fileName}`,
        fileName,
        read: { ok: true, plist, format: 'xml' },
      });
    }
    if (i.stateDir !== false) {
      files.stateDirs.push({
        suffix: i.name,
        path: stateDir,
        mode: 0o700,
        config: { path: `${stateDir}/openclaw.json`, exists: false, text: null, mode: null, readError: null },
      });
    }
    if (i.pid !== undefined) {
      services.push({
        label: `ai.openclaw.${i.name}`,
        pid: i.pid,
        lastExit: { code: null, signal: null },
        lastExitText: '-',
      });
    }
  }
  return discoverFleet({ root: ROOT, agentsDir: AGENTS, files, domain: { services, disabled: {} } });
}

const listener = (port: number, pid: number, command = 'python3'): Listener => ({
  pid,
  command,
  port,
  address: '127.0.0.1',
});

describe('planNewInstance', () => {
  it('picks the next free base port on the grid, skipping fleet ports and listened ones', () => {
    const discovery = fleet([{ name: 'luca', port: 18789 }]);
    expect(planNewInstance({ name: 'critic', requestedPort: null, discovery, listeners: [] })).toEqual({
      ok: true,
      port: 18909,
    });
    const busy = [listener(18909, 4242)];
    expect(planNewInstance({ name: 'critic', requestedPort: null, discovery, listeners: busy })).toEqual({
      ok: true,
      port: 19029,
    });
  });

  it('refuses a name that has a plist, a state dir or a loaded label, saying which', () => {
    const discovery = fleet([
      { name: 'luca', port: 18789, pid: 812 },
      { name: 'old', port: 18909, plist: false },
      { name: 'ghost', port: 19029, plist: false, stateDir: false, pid: null },
    ]);
    const luca = planNewInstance({ name: 'luca', requestedPort: null, discovery, listeners: [] });
    expect(luca).toMatchObject({ ok: false, problem: 'exists' });
    expect(!luca.ok && luca.message).toBe(
      `instance luca already exists (plist ${AGENTS}/ai.openclaw.luca.plist, state dir ${ROOT}/.openclaw-luca, ai.openclaw.luca loaded in launchd); remove it first with openclaw-fleet remove luca --purge-state, or pick another name`,
    );
    const old = planNewInstance({ name: 'old', requestedPort: null, discovery, listeners: [] });
    expect(!old.ok && old.message).toMatch(
      /\(state dir .*\.openclaw-old\); move it aside with openclaw-fleet remove old --purge-state/,
    );
    const ghost = planNewInstance({ name: 'ghost', requestedPort: null, discovery, listeners: [] });
    expect(!ghost.ok && ghost.message).toMatch(/\(ai\.openclaw\.ghost loaded in launchd\)/);
  });

  it('refuses a port equal to or closer than 120 to a fleet port, naming the instance', () => {
    const discovery = fleet([{ name: 'luca', port: 18789 }]);
    const equal = planNewInstance({ name: 'x', requestedPort: 18789, discovery, listeners: [] });
    expect(!equal.ok && equal.message).toBe(
      'port 18789 is already used by instance luca; use --port 18909 or leave --port out',
    );
    const close = planNewInstance({ name: 'x', requestedPort: 18900, discovery, listeners: [] });
    expect(!close.ok && close.message).toMatch(
      /^port 18900 is too close to instance luca on port 18789: base ports must be at least 120 apart/,
    );
    expect(planNewInstance({ name: 'x', requestedPort: 18909, discovery, listeners: [] })).toEqual({
      ok: true,
      port: 18909,
    });
  });

  it('refuses a port someone listens on, naming the pid and command, or the instance that owns it', () => {
    const discovery = fleet([{ name: 'luca', port: 18789, pid: 812 }]);
    const foreign = planNewInstance({
      name: 'x',
      requestedPort: 30000,
      discovery,
      listeners: [listener(30000, 4242)],
    });
    expect(!foreign.ok && foreign.message).toBe(
      'port 30000 is already listened on by pid 4242 (python3); use --port 18909 or leave --port out',
    );
    const browser = planNewInstance({
      name: 'x',
      requestedPort: 30000,
      discovery,
      listeners: [listener(30002, 4242)],
    });
    expect(!browser.ok && browser.message).toMatch(
      /^port 30002 \(browser control, base\+2\) is already listened on/,
    );
    const stray = planNewInstance({
      name: 'x',
      requestedPort: 30000,
      discovery,
      listeners: [listener(30000, 812, 'node')],
    });
    expect(!stray.ok && stray.message).toMatch(/by the gateway of instance luca \(pid 812\)/);
  });

  it('refuses ports outside 1024..65535', () => {
    const discovery = fleet([]);
    expect(planNewInstance({ name: 'x', requestedPort: 80, discovery, listeners: [] })).toMatchObject({
      ok: false,
      problem: 'port',
    });
  });
});
