// Checks one parsed LaunchAgent plist against the fleet's LaunchAgent contract. Pure: filesystem
// facts come through a PathInspector, so the same rules run in the CLI, the app and the tests.
import { finding, type Finding } from './finding.ts';
import type { PathInspector } from './path-facts.ts';
import { plistEnvironment, type LaunchAgentPlist } from './plist-contract.ts';
import { lintLogPaths, lintProgramArguments } from './plist-lint-program.ts';
import { lintSecrets } from './plist-lint-secrets.ts';
import { baseName, dirOf } from './paths.ts';

export interface PlistLintContext {
  /** Path of the plist file; its base name must be `<Label>.plist`. */
  plistPath: string;
  /** The instance's state dir, when the caller knows it (from the label); else taken from the plist. */
  expectedStateDir?: string;
  /** Tokens of the fleet, to catch one copied into the plist; never echoed. */
  knownTokens?: readonly string[];
  inspect: PathInspector;
}

export function lintInstancePlist(plist: LaunchAgentPlist, ctx: PlistLintContext): Finding[] {
  const env = plistEnvironment(plist);
  const stateDir = ctx.expectedStateDir ?? env.OPENCLAW_STATE_DIR ?? null;
  return [
    ...lintLabel(plist, ctx.plistPath),
    ...lintLaunchFlags(plist),
    ...lintProgramArguments(plist.ProgramArguments, env, ctx.inspect, ctx.knownTokens ?? []),
    ...lintStateDirEnv(env, ctx.expectedStateDir),
    ...lintSelfLabel(plist.Label, env),
    ...(stateDir === null ? [] : lintLogPaths(plist, stateDir, ctx.inspect)),
    ...lintSecrets(plist, env, ctx.knownTokens ?? []),
  ];
}

function lintLabel(plist: LaunchAgentPlist, plistPath: string): Finding[] {
  const fileName = baseName(plistPath);
  if (typeof plist.Label !== 'string' || plist.Label.length === 0) {
    return [
      finding(
        'plist-label-missing',
        `${fileName} has no Label`,
        `add <key>Label</key> matching the file name`,
      ),
    ];
  }
  const expected = `${plist.Label}.plist`;
  if (fileName !== expected) {
    return [
      finding(
        'plist-label-file-mismatch',
        `Label ${plist.Label} does not match the file name ${fileName}`,
        `rename the file to ${dirOf(plistPath)}/${expected} (after unloading it) or fix the Label`,
      ),
    ];
  }
  return [];
}

function lintLaunchFlags(plist: LaunchAgentPlist): Finding[] {
  const out: Finding[] = [];
  if (plist.RunAtLoad !== true) {
    out.push(
      finding(
        'plist-run-at-load',
        'RunAtLoad is not true: the gateway will not start at login',
        'set RunAtLoad to <true/>',
      ),
    );
  }
  if (plist.KeepAlive !== true) {
    const shape =
      typeof plist.KeepAlive === 'object' && plist.KeepAlive !== null ? 'a dictionary' : 'not true';
    out.push(
      finding(
        'plist-keep-alive',
        `KeepAlive is ${shape}: launchd will not restart the gateway after every exit`,
        'set KeepAlive to <true/>',
      ),
    );
  }
  return out;
}

function lintStateDirEnv(env: Record<string, string>, expected: string | undefined): Finding[] {
  const actual = env.OPENCLAW_STATE_DIR;
  if (actual === undefined) {
    return [
      finding(
        'plist-state-dir-missing',
        'EnvironmentVariables.OPENCLAW_STATE_DIR is not set: the gateway would use the root container ~/.openclaw',
        `set EnvironmentVariables.OPENCLAW_STATE_DIR to ${expected ?? 'the instance dir'}`,
      ),
    ];
  }
  if (expected !== undefined && actual !== expected) {
    return [
      finding(
        'plist-state-dir-mismatch',
        `OPENCLAW_STATE_DIR is ${actual}, not the instance dir ${expected}`,
        `set EnvironmentVariables.OPENCLAW_STATE_DIR to ${expected}`,
      ),
    ];
  }
  return [];
}

function lintSelfLabel(label: unknown, env: Record<string, string>): Finding[] {
  const own = env.OPENCLAW_LAUNCHD_LABEL;
  if (typeof label !== 'string' || own === undefined || own === label) return [];
  return [
    finding(
      'plist-self-label-mismatch',
      `OPENCLAW_LAUNCHD_LABEL is ${own} but the job is ${label}: the gateway's self-management would act on another job`,
      `set EnvironmentVariables.OPENCLAW_LAUNCHD_LABEL to ${label}`,
      'warning',
    ),
  ];
}
