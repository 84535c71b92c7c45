// Plans `migrate`: turning the legacy layout (live gateway state directly in the root container, and
// the default `ai.openclaw.gateway` job running on it: cluster-architecture.md failure mode 4) into
// one fleet instance. Pure: every fact is read by the shell first; the result is either a reason to
// stop or the full list of steps, which the dry run prints and the executor runs.
import type { Discovery } from './discovery.ts';
import { STATE_DIR_PREFIX, type ConfigFileFact } from './fleet-facts.ts';
import { checkInstanceName, labelFor } from './instance-name.ts';
import type { Listener } from './listeners.ts';
import { contractConfigEdits, type ConfigEdit } from './migration-config.ts';
import { splitRootEntries } from './migration-entries.ts';
import { chooseProgram, foreignOwner, readRootConfig } from './migration-inputs.ts';
import { LEGACY_LABEL, LEGACY_NAME } from './migration-legacy.ts';
import { choosePort } from './migration-port.ts';
import { analyseLegacyJob, type LegacyJobFacts } from './migration-source.ts';
import { buildMigrationSteps } from './migration-step-list.ts';
import type { MigrationStep } from './migration-steps.ts';
import type { StateDirOwner } from './audit/audit-types.ts';
import type { PathInspector } from './path-facts.ts';
import { joinPath } from './paths.ts';
import { renderInstancePlist, type LaunchAgentPlist } from './plist-contract.ts';
import { planNotes } from './migration-notes.ts';

export interface MigrationRequest {
  name: string;
  portFlag: number | null;
  timeoutSeconds: number;
}

export interface MigrationFacts extends MigrationRequest {
  root: string;
  agentsDir: string;
  /** A fresh `<root>/.fleet/backups/migrate/<timestamp>` that does not exist yet. */
  backupRoot: string;
  /** Where operation locks live (`<root>/.fleet/locks`). */
  lockDir: string;
  discovery: Discovery;
  launchdProblem: string | null;
  listeners: Listener[] | null;
  /** Names directly under the root. */
  rootEntries: string[];
  /** The `ai.openclaw.gateway` job, when it has a plist or is loaded. */
  legacy: LegacyJobFacts | null;
  rootConfig: ConfigFileFact;
  rootOwner: StateDirOwner | null;
  inspect: PathInspector;
}

export interface MigrationPlan {
  name: string;
  label: string;
  stateDir: string;
  plistPath: string;
  port: number;
  portSource: string;
  nodePath: string;
  entryPath: string;
  programSource: string;
  /** The legacy job that is replaced; null when only the root's state moves. */
  legacy: {
    label: string;
    plistPath: string | null;
    loaded: boolean;
    pid: number | null;
    port: number | null;
    form: string;
  } | null;
  tokenAction: 'keep' | 'generate';
  configEdits: ConfigEdit[];
  /** The original openclaw.json's mode, restored with its bytes on failure; null when there was none. */
  configMode: number | null;
  moves: string[];
  leftInPlace: string[];
  plist: LaunchAgentPlist;
  backupRoot: string;
  steps: MigrationStep[];
  notes: string[];
}

export type MigrationDecision =
  | { kind: 'nothing'; message: string }
  | { kind: 'refused'; usage: boolean; message: string }
  | { kind: 'plan'; plan: MigrationPlan };

const refuse = (message: string, usage = false): MigrationDecision => ({ kind: 'refused', usage, message });

export function planMigration(facts: MigrationFacts): MigrationDecision {
  const nameCheck = checkInstanceName(facts.name);
  if (!nameCheck.ok) return refuse(`--name: ${nameCheck.message}`, true);
  if (facts.launchdProblem !== null) {
    return refuse(
      `launchd's view is missing (${facts.launchdProblem}): migrate needs it to see whether ${LEGACY_LABEL} runs`,
    );
  }
  const analysis = facts.legacy === null ? null : analyseLegacyJob(facts.legacy, facts.root);
  if (analysis !== null && !analysis.ok) return refuse(analysis.message);
  const source = analysis?.ok ? analysis.source : null;
  const rootJob = source?.usesRoot === true ? source : null;
  const { move, leave } = splitRootEntries(facts.rootEntries);
  if (facts.discovery.rootLiveState.length === 0 && rootJob === null) {
    const elsewhere =
      source === null
        ? ''
        : `; ${LEGACY_LABEL} keeps its state in ${source.stateDir}, not the root, and is left alone`;
    return {
      kind: 'nothing',
      message: `nothing to migrate: ${facts.root} holds no gateway state and no ${LEGACY_LABEL} job uses it${elsewhere}`,
    };
  }

  const label = labelFor(facts.name);
  const stateDir = joinPath(facts.root, `${STATE_DIR_PREFIX}${facts.name}`);
  const plistPath = joinPath(facts.agentsDir, `${label}.plist`);
  if (
    facts.discovery.instances.some((i) => i.name === facts.name) ||
    facts.inspect(stateDir).exists ||
    facts.inspect(plistPath).exists
  ) {
    return refuse(
      `instance ${facts.name} already exists (${stateDir} or ${plistPath}): pick another name with --name <name>`,
      true,
    );
  }

  const program = chooseProgram(rootJob, facts);
  if (!program.ok) return refuse(program.message);
  const { nodePath, entryPath } = program;

  const config = readRootConfig(facts.rootConfig);
  if (!config.ok) return refuse(config.message);
  const legacyPid = rootJob !== null ? (facts.legacy?.pid ?? null) : null;
  const owned = foreignOwner(facts, legacyPid);
  if (owned !== null) return refuse(owned);
  const legacyPort = rootJob?.port ?? config.view?.port ?? null;
  const port = choosePort({
    legacyPort,
    legacySource: rootJob?.port != null ? rootJob.portSource : `gateway.port in ${facts.rootConfig.path}`,
    flag: facts.portFlag,
    fleet: facts.discovery.instances.flatMap((i) =>
      i.port === null ? [] : [{ name: i.name, port: i.port }],
    ),
    busy:
      facts.listeners === null
        ? null
        : new Set(
            facts.listeners.filter((l) => legacyPid === null || l.pid !== legacyPid).map((l) => l.port),
          ),
  });
  if (!port.ok) return refuse(port.message, true);

  const configEdits = contractConfigEdits(config.view, port.port);
  const legacy =
    rootJob === null || facts.legacy === null
      ? null
      : {
          label: facts.legacy.label,
          plistPath: facts.legacy.plistPath,
          loaded: facts.legacy.loaded,
          pid: facts.legacy.pid,
          port: legacyPort,
          form: rootJob.program?.form ?? 'contract',
        };
  const plan: Omit<MigrationPlan, 'steps' | 'notes'> = {
    name: facts.name,
    label,
    stateDir,
    plistPath,
    port: port.port,
    portSource: port.source,
    nodePath,
    entryPath,
    programSource: program.source,
    legacy,
    tokenAction: configEdits.some((e) => e.key === 'gateway.auth.token') ? 'generate' : 'keep',
    configEdits,
    configMode: facts.rootConfig.exists ? facts.rootConfig.mode : null,
    moves: move,
    leftInPlace: leave,
    plist: renderInstancePlist({ name: facts.name, port: port.port, stateDir, nodePath, entryPath }),
    backupRoot: facts.backupRoot,
  };
  const steps = buildMigrationSteps(plan, {
    // The legacy job's lock (`gateway` can never be an instance name) keeps two migrations with
    // different names off the same legacy state; the instance's lock keeps add/start off the new one.
    lockPaths: [
      joinPath(facts.lockDir, `${LEGACY_NAME}.lock`),
      joinPath(facts.lockDir, `${facts.name}.lock`),
    ],
    configExists: facts.rootConfig.exists,
    timeoutSeconds: facts.timeoutSeconds,
  });
  return {
    kind: 'plan',
    plan: { ...plan, steps, notes: planNotes(facts, plan, rootJob, source, config.view) },
  };
}
