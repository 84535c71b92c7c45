import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../../src-main/core/discovery.ts';
import { ROOT_LIVE_STATE_ENTRIES, type PlistFileFact } from '../../../src-main/core/fleet-facts.ts';
import { describePlan } from '../../../src-main/core/migration-describe.ts';
import {
  planMigration,
  type MigrationFacts,
  type MigrationPlan,
} from '../../../src-main/core/migration-plan.ts';
import { MISSING_PATH } from '../../../src-main/core/path-facts.ts';
import { renderInstancePlist, type LaunchAgentPlist } from '../../../src-main/core/plist-contract.ts';

const ROOT = '/Users/ada/.openclaw';
const AGENTS = '/Users/ada/Library/LaunchAgents';
const NODE = '/opt/homebrew/bin/node';
const ENTRY = '/opt/homebrew/lib/node_modules/openclaw/dist/index.js';
const TOKEN = 'a'.repeat(64);
const STATE = ['openclaw.json', 'workspace', 'agents', 'credentials', 'logs', 'tmp', 'service-env'];

function wrapperPlist(port = 18789): LaunchAgentPlist {
  return {
    Label: 'ai.openclaw.gateway',
    RunAtLoad: true,
    KeepAlive: true,
    ProgramArguments: [
      '/bin/sh',
      `${ROOT}/service-env/ai.openclaw.gateway-env-wrapper.sh`,
      `${ROOT}/service-env/ai.openclaw.gateway.env`,
      NODE,
      '--max-old-space-size=8192',
      ENTRY,
      'gateway',
      '--port',
      String(port),
    ],
    StandardOutPath: '/Users/ada/Library/Logs/openclaw/gateway.log',
  };
}

interface Setup {
  legacy?: LaunchAgentPlist | null;
  loaded?: boolean;
  envFile?: Record<string, string> | null;
  rootEntries?: string[];
  configText?: string | null;
  instances?: PlistFileFact[];
  owner?: { pid: number; alive: boolean };
  name?: string;
  launchdProblem?: string;
}

function facts(setup: Setup = {}): MigrationFacts {
  const legacy = setup.legacy === undefined ? wrapperPlist() : setup.legacy;
  const rootEntries = setup.rootEntries ?? [...STATE, 'notes.md'];
  const legacyFact: PlistFileFact[] =
    legacy === null
      ? []
      : [
          {
            path: `${AGENTS}/ai.openclaw.gateway.plist`,
            fileName: 'ai.openclaw.gateway.plist',
            read: { ok: true, plist: legacy, format: 'xml' },
          },
        ];
  const services = setup.loaded
    ? [{ label: 'ai.openclaw.gateway', pid: 700, lastExit: { code: null, signal: null }, lastExitText: '-' }]
    : [];
  const discovery = discoverFleet({
    root: ROOT,
    agentsDir: AGENTS,
    files: {
      plists: [...legacyFact, ...(setup.instances ?? [])],
      stateDirs: [],
      rootLiveState: ROOT_LIVE_STATE_ENTRIES.filter((e) => rootEntries.includes(e)),
    },
    domain: { services, disabled: {} },
  });
  const configText =
    setup.configText === undefined
      ? JSON.stringify({ gateway: { mode: 'local', port: 18789, auth: { mode: 'token', token: TOKEN } } })
      : setup.configText;
  return {
    name: setup.name ?? 'main',
    portFlag: null,
    timeoutSeconds: 30,
    root: ROOT,
    agentsDir: AGENTS,
    backupRoot: `${ROOT}/.fleet/backups/migrate/T`,
    lockDir: `${ROOT}/.fleet/locks`,
    discovery,
    launchdProblem: setup.launchdProblem ?? null,
    listeners: setup.loaded
      ? [{ pid: 700, command: 'openclaw-gatewa', port: 18789, address: '127.0.0.1' }]
      : [],
    rootEntries,
    legacy:
      legacy === null && !setup.loaded
        ? null
        : {
            label: 'ai.openclaw.gateway',
            plistPath: legacy === null ? null : `${AGENTS}/ai.openclaw.gateway.plist`,
            read: legacy === null ? null : { ok: true, plist: legacy, format: 'xml' },
            loaded: setup.loaded ?? false,
            pid: setup.loaded ? 700 : null,
            envFile: setup.envFile === undefined ? { OPENCLAW_STATE_DIR: ROOT } : setup.envFile,
          },
    rootConfig: {
      path: `${ROOT}/openclaw.json`,
      exists: configText !== null,
      text: configText,
      mode: configText === null ? null : 0o600,
      readError: null,
    },
    rootOwner: setup.owner ? { stateDir: ROOT, command: 'node', ...setup.owner } : null,
    inspect: (p) =>
      p === NODE || p === ENTRY
        ? { exists: true, isFile: true, isDirectory: false, executable: true }
        : MISSING_PATH,
  };
}

function planOf(setup: Setup = {}): MigrationPlan {
  const decision = planMigration(facts(setup));
  if (decision.kind !== 'plan') throw new Error(`expected a plan, got ${JSON.stringify(decision)}`);
  return decision.plan;
}

describe('planMigration', () => {
  it('plans the env-wrapper job: stop it, copy, move, write, swap plists, load, wait', () => {
    const plan = planOf({ loaded: true });
    expect(plan).toMatchObject({
      name: 'main',
      label: 'ai.openclaw.main',
      stateDir: `${ROOT}/.openclaw-main`,
      port: 18789,
      nodePath: NODE,
      entryPath: ENTRY,
      tokenAction: 'keep',
      moves: ['agents', 'credentials', 'logs', 'openclaw.json', 'service-env', 'tmp', 'workspace'],
      leftInPlace: ['notes.md'],
      legacy: { label: 'ai.openclaw.gateway', loaded: true, pid: 700, port: 18789, form: 'env-wrapper' },
    });
    const kinds = plan.steps.map((s) => s.kind);
    expect(kinds.slice(0, 3)).toEqual(['lock', 'unload-legacy', 'backup-file']);
    expect(kinds.slice(-5)).toEqual([
      'write-config',
      'write-plist',
      'retire-legacy-plist',
      'load',
      'wait-serving',
    ]);
    expect(kinds.lastIndexOf('backup-tree')).toBeLessThan(kinds.indexOf('move'));
    expect(plan.steps[0]).toEqual({
      kind: 'lock',
      paths: [`${ROOT}/.fleet/locks/gateway.lock`, `${ROOT}/.fleet/locks/main.lock`],
    });
    expect(plan.configEdits.map((e) => e.key)).toEqual(['gateway.bind']);
    expect(plan.plist.ProgramArguments).toEqual([NODE, ENTRY, 'gateway', '--port', '18789']);
    const text = describePlan(plan, ROOT, 'gui/501');
    expect(text).toContain('launchctl bootout gui/501/ai.openclaw.gateway');
    expect(text).toContain('left out of the legacy arguments: --max-old-space-size=8192');
    expect(text).not.toContain(TOKEN);
  });

  it('takes a contract-form plist without OPENCLAW_STATE_DIR as the root job; nothing to stop when not loaded', () => {
    const plan = planOf({
      legacy: { Label: 'ai.openclaw.gateway', ProgramArguments: [NODE, ENTRY, 'gateway', '--port', '19029'] },
      envFile: null,
      configText:
        '{gateway:{mode:"local",bind:"loopback",port:19029,auth:{mode:"token",token:"' + TOKEN + '"}}}',
    });
    expect(plan.legacy).toMatchObject({ form: 'contract', loaded: false, port: 19029 });
    expect(plan.port).toBe(19029);
    expect(plan.steps.map((s) => s.kind)).not.toContain('unload-legacy');
    expect(plan.steps.map((s) => s.kind)).not.toContain('write-config');
  });

  it('generates a token only when the config has none usable, and creates a missing config', () => {
    const placeholder = planOf({ configText: '{gateway:{auth:{token:"change-me-now"}}}' });
    expect(placeholder.tokenAction).toBe('generate');
    const missing = planOf({ configText: null, rootEntries: ['workspace'] });
    expect(missing.tokenAction).toBe('generate');
    expect(missing.steps.find((s) => s.kind === 'write-config')).toMatchObject({ create: true });
    expect(
      missing.steps.filter((s) => s.kind === 'ensure-dir').map((s) => s.kind === 'ensure-dir' && s.path),
    ).toEqual([`${ROOT}/.openclaw-main/logs`]);
  });

  it('says there is nothing to migrate, and leaves a job on another state dir alone', () => {
    expect(planMigration(facts({ legacy: null, rootEntries: ['notes.md', 'logs'] }))).toMatchObject({
      kind: 'nothing',
    });
    const elsewhere = planMigration(
      facts({ envFile: { OPENCLAW_STATE_DIR: '/Users/ada/.openclaw-work' }, rootEntries: [] }),
    );
    expect(elsewhere).toEqual({
      kind: 'nothing',
      message: `nothing to migrate: ${ROOT} holds no gateway state and no ai.openclaw.gateway job uses it; ai.openclaw.gateway keeps its state in /Users/ada/.openclaw-work, not the root, and is left alone`,
    });
  });

  it('moves root state without a job, taking node and entry from a fleet instance', () => {
    const luca = renderInstancePlist({
      name: 'luca',
      port: 18909,
      stateDir: `${ROOT}/.openclaw-luca`,
      nodePath: NODE,
      entryPath: ENTRY,
    });
    const plan = planOf({
      legacy: null,
      instances: [
        {
          path: `${AGENTS}/ai.openclaw.luca.plist`,
          fileName: 'ai.openclaw.luca.plist',
          read: { ok: true, plist: luca, format: 'xml' },
        },
      ],
      configText: '{gateway:{port:19029}}',
    });
    expect(plan).toMatchObject({
      legacy: null,
      port: 19029,
      nodePath: NODE,
      programSource: `from ${AGENTS}/ai.openclaw.luca.plist`,
    });
    expect(plan.steps.map((s) => s.kind)).not.toContain('retire-legacy-plist');
  });

  it('refuses with usage errors for a bad or taken name and a clashing port', () => {
    expect(planMigration(facts({ name: 'node' }))).toMatchObject({ kind: 'refused', usage: true });
    const luca = renderInstancePlist({
      name: 'main',
      port: 18909,
      stateDir: `${ROOT}/.openclaw-main`,
      nodePath: NODE,
      entryPath: ENTRY,
    });
    const taken = planMigration(
      facts({
        instances: [
          {
            path: `${AGENTS}/ai.openclaw.main.plist`,
            fileName: 'ai.openclaw.main.plist',
            read: { ok: true, plist: luca, format: 'xml' },
          },
        ],
      }),
    );
    expect(taken).toMatchObject({
      kind: 'refused',
      usage: true,
      message: expect.stringContaining('instance main already exists'),
    });
  });

  it('refuses (exit 1) what it cannot do safely', () => {
    expect(planMigration(facts({ owner: { pid: 4242, alive: true } }))).toMatchObject({
      kind: 'refused',
      usage: false,
      message: expect.stringContaining('in use by pid 4242 (node), which holds its gateway lock'),
    });
    expect(planMigration(facts({ loaded: true, owner: { pid: 700, alive: true } })).kind).toBe('plan');
    expect(planMigration(facts({ legacy: null, loaded: true }))).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('is loaded but has no plist'),
    });
    expect(planMigration(facts({ configText: '{gateway:' }))).toMatchObject({
      kind: 'refused',
      usage: false,
    });
    expect(planMigration(facts({ launchdProblem: 'no gui domain' }))).toMatchObject({
      kind: 'refused',
      usage: false,
    });
    const noNode = wrapperPlist();
    (noNode.ProgramArguments as string[])[3] = '/nowhere/node';
    expect(planMigration(facts({ legacy: noNode }))).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('node /nowhere/node'),
    });
  });
});
