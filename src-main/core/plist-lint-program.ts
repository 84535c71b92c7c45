// Contract rules for what launchd runs and where its output goes.
import { finding, type Finding } from './finding.ts';
import type { PathInspector } from './path-facts.ts';
import type { LaunchAgentPlist } from './plist-contract.ts';
import { dirOf, isAbsolutePath, isInside } from './paths.ts';
import { redactArguments } from './plist-lint-secrets.ts';

const SHAPE = '[<absolute node>, <openclaw entry>, gateway, --port, <port>]';

export function parsePortArgument(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

export function lintProgramArguments(
  value: unknown,
  env: Record<string, string>,
  inspect: PathInspector,
  knownTokens: readonly string[],
): Finding[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    return [shapeFinding('ProgramArguments is missing or not a list of strings')];
  }
  const [node, entry, verb, flag, port, ...extra] = value;
  if (verb !== 'gateway' || flag !== '--port' || parsePortArgument(port) === null) {
    return [shapeFinding(`ProgramArguments is [${redactArguments(value, knownTokens).join(', ')}]`)];
  }
  const out: Finding[] = [...lintNode(node ?? '', env, inspect), ...lintEntry(entry ?? '', inspect)];
  if (extra.length > 0) {
    out.push(
      finding(
        'plist-extra-arguments',
        `ProgramArguments has extra arguments after the port: ${redactArguments(extra, knownTokens).join(' ')}`,
        `remove them so the gateway runs exactly ${SHAPE}`,
        'warning',
      ),
    );
  }
  return out;
}

function shapeFinding(what: string): Finding {
  return finding(
    'plist-program-arguments',
    `${what}; the contract is ${SHAPE}`,
    `set ProgramArguments to ${SHAPE}`,
  );
}

function lintNode(node: string, env: Record<string, string>, inspect: PathInspector): Finding[] {
  if (!isAbsolutePath(node)) {
    return [
      finding(
        'plist-node-not-absolute',
        `node is "${node}", not an absolute path: launchd does not search the login shell's PATH`,
        'use the absolute path of a Node >= 24.16 binary (for example the output of `command -v node`)',
      ),
    ];
  }
  const facts = inspect(node);
  if (!facts.exists || !facts.isFile || !facts.executable) {
    return [
      finding(
        'plist-node-missing',
        `node ${node} ${facts.exists ? 'is not an executable file' : 'does not exist'}: launchd will record exit 78`,
        'point ProgramArguments[0] at an installed Node >= 24.16 binary',
      ),
    ];
  }
  const path = env.PATH;
  if (path === undefined || !path.split(':').includes(dirOf(node))) {
    return [
      finding(
        'plist-path-env',
        `EnvironmentVariables.PATH does not contain ${dirOf(node)}: tools the gateway starts with "node" will not find it`,
        `prepend ${dirOf(node)} to EnvironmentVariables.PATH`,
        'warning',
      ),
    ];
  }
  return [];
}

function lintEntry(entry: string, inspect: PathInspector): Finding[] {
  if (!isAbsolutePath(entry) || !inspect(entry).isFile) {
    return [
      finding(
        'plist-entry-missing',
        `the OpenClaw entry ${entry} is not an existing file`,
        'point ProgramArguments[1] at the openclaw package entry (for example <prefix>/lib/node_modules/openclaw/dist/index.js)',
      ),
    ];
  }
  return [];
}

export function lintLogPaths(plist: LaunchAgentPlist, stateDir: string, inspect: PathInspector): Finding[] {
  const out: Finding[] = [];
  for (const key of ['StandardOutPath', 'StandardErrorPath'] as const) {
    const path = plist[key];
    if (typeof path !== 'string' || path.length === 0) {
      out.push(
        finding(
          'plist-log-path-missing',
          `${key} is not set: the gateway's output is lost`,
          `set ${key} to ${stateDir}/logs/gateway.log`,
        ),
      );
    } else if (!isInside(path, stateDir)) {
      out.push(
        finding(
          'plist-log-path-outside',
          `${key} ${path} is outside the instance dir ${stateDir}`,
          `set ${key} to ${stateDir}/logs/gateway.log`,
        ),
      );
    } else if (!inspect(dirOf(path)).isDirectory) {
      out.push(
        finding(
          'plist-log-dir-missing',
          `the folder of ${key} (${dirOf(path)}) does not exist: launchd will fail the spawn with exit 78`,
          `mkdir -m 700 -p ${dirOf(path)}`,
        ),
      );
    }
  }
  return out;
}
