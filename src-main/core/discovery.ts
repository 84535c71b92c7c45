// Joins the fleet's plists, state dirs, configs and launchd's view into one record per instance,
// and says where they disagree (drift). Pure: inputs are facts read elsewhere.
import type { ConfigFileFact, FleetFiles, PlistFileFact, StateDirFact } from './fleet-facts.ts';
import { STATE_DIR_PREFIX } from './fleet-facts.ts';
import { parseConfigFact, type ConfigParse, type GatewayConfigView } from './gateway-config.ts';
import { checkInstanceName, labelFor } from './instance-name.ts';
import { classifyLabel } from './label-kind.ts';
import type { DomainServiceRow, DomainStatus } from './launchd-status.ts';
import { joinPath } from './paths.ts';
import { plistEnvironment, type LaunchAgentPlist } from './plist-contract.ts';
import { parsePortArgument } from './plist-lint-program.ts';

export type Drift = 'plist-without-state-dir' | 'state-dir-without-plist' | 'loaded-without-plist';

export interface InstanceRecord {
  name: string;
  label: string;
  /** Where the plist is or would be: `<agents-dir>/<label>.plist`. */
  plistPath: string;
  plist: LaunchAgentPlist | null;
  /** Why the plist on disk could not be used (unreadable, invalid); null when fine or absent. */
  plistProblem: string | null;
  /** `<root>/.openclaw-<name>`, the only place the contract allows. */
  stateDir: string;
  stateDirMode: number | null;
  configPath: string;
  config: GatewayConfigView | null;
  configMode: number | null;
  configProblem: string | null;
  /** The port the plist runs the gateway on, else the config's. */
  port: number | null;
  launchd: DomainServiceRow | null;
  disabled: boolean;
  drift: Drift[];
}

export interface OtherGatewayJob {
  label: string;
  kind: 'legacy-gateway' | 'foreign-gateway';
  plistPath: string | null;
  loaded: boolean;
  pid: number | null;
}

export interface Discovery {
  instances: InstanceRecord[];
  otherGateways: OtherGatewayJob[];
  /** Plist files that declare the same Label. */
  labelClashes: { label: string; plistPaths: string[] }[];
  /** `.openclaw-*` dirs whose suffix is not a valid instance name. */
  strayStateDirs: string[];
  rootLiveState: string[];
}

export interface DiscoveryInput {
  root: string;
  agentsDir: string;
  files: FleetFiles;
  domain: DomainStatus | null;
  /** How a config is parsed; a caller that discovers often passes a memo (fleet/config-parse-memo.ts). */
  parseConfig?: (config: ConfigFileFact) => ConfigParse | null;
}

export function discoverFleet(input: DiscoveryInput): Discovery {
  const { root, agentsDir, files, domain, parseConfig = parseConfigFact } = input;
  const grouped = new Map<string, PlistFileFact[]>();
  for (const fact of files.plists) grouped.set(labelOf(fact), [...(grouped.get(labelOf(fact)) ?? []), fact]);
  // When two files claim one label, the one named after it stands for the instance; both are reported.
  const plistsByLabel = new Map(
    [...grouped].map(([label, facts]) => [
      label,
      facts.find((f) => f.fileName === `${label}.plist`) ?? facts[0]!,
    ]),
  );
  const dirsByName = new Map(files.stateDirs.map((d) => [d.suffix, d]));
  const rows = new Map((domain?.services ?? []).map((r) => [r.label, r]));

  const names = new Set<string>();
  for (const label of [...plistsByLabel.keys(), ...rows.keys()]) {
    const kind = classifyLabel(label);
    if (kind.kind === 'instance') names.add(kind.name);
  }
  for (const dir of files.stateDirs) if (checkInstanceName(dir.suffix).ok) names.add(dir.suffix);

  const instances = [...names].sort().map((name) => {
    const label = labelFor(name);
    return buildRecord(name, label, {
      plistPath: joinPath(agentsDir, `${label}.plist`),
      fact: plistsByLabel.get(label) ?? null,
      dir: dirsByName.get(name) ?? null,
      stateDir: joinPath(root, `${STATE_DIR_PREFIX}${name}`),
      row: rows.get(label) ?? null,
      disabled: domain?.disabled[label] === true,
      parseConfig,
    });
  });

  return {
    instances,
    otherGateways: otherGateways(plistsByLabel, rows),
    labelClashes: [...grouped]
      .filter(([, facts]) => facts.length > 1)
      .map(([label, facts]) => ({ label, plistPaths: facts.map((f) => f.path) })),
    strayStateDirs: files.stateDirs.filter((d) => !checkInstanceName(d.suffix).ok).map((d) => d.path),
    rootLiveState: files.rootLiveState,
  };
}

interface RecordParts {
  plistPath: string;
  fact: PlistFileFact | null;
  dir: StateDirFact | null;
  stateDir: string;
  row: DomainServiceRow | null;
  disabled: boolean;
  parseConfig: (config: ConfigFileFact) => ConfigParse | null;
}

function buildRecord(name: string, label: string, parts: RecordParts): InstanceRecord {
  const { fact, dir, row } = parts;
  const plist = fact?.read.ok ? fact.read.plist : null;
  const parsed = dir === null ? null : parts.parseConfig(dir.config);
  const config = parsed?.ok ? parsed.view : null;
  const drift: Drift[] = [];
  if (fact !== null && dir === null) drift.push('plist-without-state-dir');
  if (fact === null && dir !== null) drift.push('state-dir-without-plist');
  if (fact === null && row !== null) drift.push('loaded-without-plist');
  return {
    name,
    label,
    plistPath: fact?.path ?? parts.plistPath,
    plist,
    plistProblem: fact !== null && !fact.read.ok ? fact.read.message : null,
    stateDir: parts.stateDir,
    stateDirMode: dir?.mode ?? null,
    configPath: joinPath(parts.stateDir, 'openclaw.json'),
    config,
    configMode: dir?.config.mode ?? null,
    configProblem: configProblem(dir, parsed),
    port: plistPort(plist) ?? config?.port ?? null,
    launchd: row,
    disabled: parts.disabled,
    drift,
  };
}

function configProblem(dir: StateDirFact | null, parsed: ConfigParse | null): string | null {
  if (dir === null) return null;
  if (dir.config.readError !== null) return dir.config.readError;
  if (!dir.config.exists) return `${dir.config.path} does not exist`;
  if (parsed !== null && !parsed.ok) return `${dir.config.path} is ${parsed.message}`;
  return null;
}

export function plistPort(plist: LaunchAgentPlist | null): number | null {
  const args = plist?.ProgramArguments;
  if (!Array.isArray(args)) return null;
  const flag = args.indexOf('--port');
  return flag < 0
    ? null
    : parsePortArgument(typeof args[flag + 1] === 'string' ? (args[flag + 1] as string) : undefined);
}

export function plistStateDir(plist: LaunchAgentPlist | null): string | null {
  return plist === null ? null : (plistEnvironment(plist).OPENCLAW_STATE_DIR ?? null);
}

function labelOf(fact: PlistFileFact): string {
  const fromFile = fact.fileName.replace(/\.plist$/, '');
  return fact.read.ok && typeof fact.read.plist.Label === 'string' ? fact.read.plist.Label : fromFile;
}

function otherGateways(
  plists: Map<string, PlistFileFact>,
  rows: Map<string, DomainServiceRow>,
): OtherGatewayJob[] {
  const labels = new Set([...plists.keys(), ...rows.keys()]);
  const out: OtherGatewayJob[] = [];
  for (const label of [...labels].sort()) {
    const kind = classifyLabel(label).kind;
    if (kind !== 'legacy-gateway' && kind !== 'foreign-gateway') continue;
    const row = rows.get(label) ?? null;
    out.push({
      label,
      kind,
      plistPath: plists.get(label)?.path ?? null,
      loaded: row !== null,
      pid: row?.pid ?? null,
    });
  }
  return out;
}
