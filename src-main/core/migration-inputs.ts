// Where a migration takes what the legacy setup does not spell out in the plan's own terms: the node
// and OpenClaw entry to run, and the root's config as the contract patch sees it.
import type { ConfigFileFact } from './fleet-facts.ts';
import { parseGatewayConfig, type GatewayConfigView } from './gateway-config.ts';
import { LEGACY_LABEL, parseLegacyProgram } from './migration-legacy.ts';
import type { MigrationFacts } from './migration-plan.ts';
import type { LegacySource } from './migration-source.ts';

type ProgramChoice =
  { ok: true; nodePath: string; entryPath: string; source: string } | { ok: false; message: string };

/**
 * Node and entry: the legacy job's, else those of a fleet instance (they run the same OpenClaw).
 * Both must exist: launchd records exit 78 for a missing program and the gateway never starts.
 */
export function chooseProgram(
  rootJob: LegacySource | null,
  facts: Pick<MigrationFacts, 'legacy' | 'discovery' | 'inspect' | 'root' | 'agentsDir'>,
): ProgramChoice {
  const { inspect } = facts;
  if (rootJob?.program != null) {
    const { nodePath, entryPath } = rootJob.program;
    const source = `from ${facts.legacy?.plistPath ?? LEGACY_LABEL}`;
    const node = inspect(nodePath);
    if (!node.isFile || !node.executable) {
      return { ok: false, message: `node ${nodePath} (${source}) is not an executable file` };
    }
    if (!inspect(entryPath).isFile) {
      return { ok: false, message: `the OpenClaw entry ${entryPath} (${source}) is not a file` };
    }
    return { ok: true, nodePath, entryPath, source };
  }
  for (const instance of facts.discovery.instances) {
    const parsed = instance.plist === null ? null : parseLegacyProgram(instance.plist.ProgramArguments);
    if (
      parsed?.ok &&
      inspect(parsed.program.nodePath).executable &&
      inspect(parsed.program.entryPath).isFile
    ) {
      const { nodePath, entryPath } = parsed.program;
      return { ok: true, nodePath, entryPath, source: `from ${instance.plistPath}` };
    }
  }
  return {
    ok: false,
    message:
      `${facts.root} holds gateway state, but no ${LEGACY_LABEL} plist or fleet instance says which node and OpenClaw entry ` +
      `run it: put the ${LEGACY_LABEL} plist back into ${facts.agentsDir} (without loading it), then run migrate again`,
  };
}

/** A live process other than the legacy job holding the root's gateway lock: moving the state would pull it from under it. */
export function foreignOwner(
  facts: Pick<MigrationFacts, 'rootOwner' | 'root'>,
  legacyPid: number | null,
): string | null {
  const owner = facts.rootOwner;
  if (owner === null || !owner.alive || owner.pid === legacyPid) return null;
  return (
    `${facts.root} is in use by pid ${owner.pid}${owner.command ? ` (${owner.command})` : ''}, which holds its gateway lock ` +
    `and is not the ${LEGACY_LABEL} job: stop that gateway first, then run migrate again`
  );
}

type RootConfig =
  | { ok: true; view: GatewayConfigView | null; raw: Record<string, unknown> | null }
  | { ok: false; message: string };

export function readRootConfig(fact: ConfigFileFact): RootConfig {
  if (fact.readError !== null) return { ok: false, message: fact.readError };
  if (!fact.exists || fact.text === null) return { ok: true, view: null, raw: null };
  const parsed = parseGatewayConfig(fact.text);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `${fact.path} is ${parsed.message}: fix it so migrate can set the contract's keys`,
    };
  }
  return { ok: true, view: parsed.view, raw: parsed.raw };
}
