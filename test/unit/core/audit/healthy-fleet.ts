// A fleet of two instances that satisfies every rule, as facts; each test breaks one thing.
import type { AuditInput, StateDirOwner } from '../../../../src-main/core/audit/audit-types.ts';
import { discoverFleet } from '../../../../src-main/core/discovery.ts';
import type { FleetFiles, PlistFileFact, StateDirFact } from '../../../../src-main/core/fleet-facts.ts';
import { renderNewGatewayConfig } from '../../../../src-main/core/gateway-config.ts';
import type { DomainStatus, ServiceStatus } from '../../../../src-main/core/launchd-status.ts';
import type { Listener } from '../../../../src-main/core/listeners.ts';
import type { PathFacts } from '../../../../src-main/core/path-facts.ts';
import { plistEnvironment, renderInstancePlist } from '../../../../src-main/core/plist-contract.ts';

export const ROOT = '/Users/ada/.openclaw';
export const AGENTS = '/Users/ada/Library/LaunchAgents';
export const NODE = '/opt/node24/bin/node';
export const ENTRY = '/opt/openclaw/dist/index.js';
export const TOKENS = { luca: 'a1'.repeat(32), critic: 'b2'.repeat(32) };

export interface FleetScenario {
  files: FleetFiles;
  domain: DomainStatus;
  listeners: Listener[] | null;
  owners: StateDirOwner[];
  loaded: Map<string, ServiceStatus>;
  missingPaths: Set<string>;
}

function instanceFiles(name: 'luca' | 'critic', port: number): { plist: PlistFileFact; dir: StateDirFact } {
  const stateDir = `${ROOT}/.openclaw-${name}`;
  const plist = renderInstancePlist({ name, port, stateDir, nodePath: NODE, entryPath: ENTRY });
  const label = `ai.openclaw.${name}`;
  return {
    plist: {
      path: `${AGENTS}/${label}.plist`,
      fileName: `${label}.plist`,
      read: { ok: true, plist, format: 'xml' },
    },
    dir: {
      suffix: name,
      path: stateDir,
      mode: 0o700,
      config: {
        path: `${stateDir}/openclaw.json`,
        exists: true,
        text: renderNewGatewayConfig(port, TOKENS[name]),
        mode: 0o600,
        readError: null,
      },
    },
  };
}

export function healthyFleet(): FleetScenario {
  const luca = instanceFiles('luca', 18789);
  const critic = instanceFiles('critic', 18909);
  const loaded = new Map<string, ServiceStatus>();
  for (const [fact, pid] of [
    [luca.plist, 812],
    [critic.plist, 913],
  ] as const) {
    if (!fact.read.ok) continue;
    const plist = fact.read.plist;
    loaded.set(plist.Label as string, {
      label: plist.Label as string,
      loaded: true,
      state: 'running',
      pid,
      runs: 1,
      lastExit: { code: null, signal: null },
      plistPath: fact.path,
      program: NODE,
      arguments: [...(plist.ProgramArguments as string[])],
      environment: { ...plistEnvironment(plist), XPC_SERVICE_NAME: plist.Label as string },
      workingDirectory: plist.WorkingDirectory as string,
      stdoutPath: plist.StandardOutPath as string,
      stderrPath: plist.StandardErrorPath as string,
      exitTimeoutSeconds: 20,
      minimumRuntimeSeconds: 10,
      properties: ['keepalive', 'runatload'],
    });
  }
  return {
    files: { plists: [critic.plist, luca.plist], stateDirs: [critic.dir, luca.dir], rootLiveState: [] },
    domain: {
      services: [
        { label: 'ai.openclaw.luca', pid: 812, lastExit: { code: null, signal: null }, lastExitText: '-' },
        { label: 'ai.openclaw.critic', pid: 913, lastExit: { code: null, signal: null }, lastExitText: '-' },
      ],
      disabled: {},
    },
    listeners: [
      { pid: 812, command: 'openclaw-gatewa', address: '127.0.0.1', port: 18789 },
      { pid: 913, command: 'openclaw-gatewa', address: '127.0.0.1', port: 18909 },
    ],
    owners: [
      { stateDir: `${ROOT}/.openclaw-luca`, pid: 812, alive: true, command: 'openclaw-gatewa' },
      { stateDir: `${ROOT}/.openclaw-critic`, pid: 913, alive: true, command: 'openclaw-gatewa' },
    ],
    loaded,
    missingPaths: new Set(),
  };
}

export function auditInput(s: FleetScenario): AuditInput {
  const inspect = (path: string): PathFacts => {
    const exists = !s.missingPaths.has(path);
    const isDirectory = exists && !/\.(js|json)$/.test(path) && path !== NODE;
    return { exists, isDirectory, isFile: exists && !isDirectory, executable: exists && path === NODE };
  };
  return {
    discovery: discoverFleet({ root: ROOT, agentsDir: AGENTS, files: s.files, domain: s.domain }),
    listeners: s.listeners,
    inspect,
    loadedDetails: s.loaded,
    stateDirOwners: s.owners,
  };
}

/** The plist of an instance in the scenario, for a test to break. */
export function plistOf(s: FleetScenario, name: string): Record<string, unknown> {
  const fact = s.files.plists.find((p) => p.fileName === `ai.openclaw.${name}.plist`);
  if (!fact?.read.ok) throw new Error(`no plist for ${name}`);
  return fact.read.plist;
}

export function configOf(s: FleetScenario, name: string): StateDirFact {
  const dir = s.files.stateDirs.find((d) => d.suffix === name);
  if (dir === undefined) throw new Error(`no state dir for ${name}`);
  return dir;
}
