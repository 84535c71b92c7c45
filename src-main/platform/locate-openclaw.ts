// Finds what a new instance's plist runs: an absolute Node >= 24.16 and the `openclaw` package's
// entry file. launchd does not search the login shell's PATH, so both must be absolute and checked
// now, not at the first spawn (openclaw-gateway.md §1: ProgramArguments shape and entry names).
import { access, constants, readFile, realpath, stat } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { execa } from 'execa';
import { isSupportedNode, MIN_NODE_TEXT, parseNodeVersion } from '../core/node-version.ts';

/** The entry files the gateway's own installer accepts, in its order of preference. */
export const ENTRY_CANDIDATES = ['dist/index.js', 'dist/index.mjs', 'dist/entry.js', 'dist/entry.mjs'];

export interface GatewayRuntime {
  nodePath: string;
  nodeVersion: string;
  entryPath: string;
}

export interface LocateRequest {
  /** --node and --entry as typed; undefined = detect. */
  node?: string | undefined;
  entry?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export type LocateResult = { ok: true; runtime: GatewayRuntime } | { ok: false; message: string };

const INSTALL_HINT = `install it with \`npm install -g openclaw\` (on Node >= ${MIN_NODE_TEXT})`;

export async function locateGatewayRuntime(request: LocateRequest): Promise<LocateResult> {
  const pathDirs = (request.env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d));
  const bin = await findOnPath(pathDirs, 'openclaw');

  let entryPath: string;
  let packageRoot: string | null = null;
  if (request.entry !== undefined) {
    entryPath = resolve(request.cwd, request.entry);
    if (!(await isFile(entryPath))) {
      return {
        ok: false,
        message: `--entry ${entryPath} is not an existing file; point it at openclaw's dist/index.js`,
      };
    }
  } else {
    packageRoot = await findPackage(bin, request, pathDirs);
    const entry = packageRoot === null ? null : await firstFile(packageRoot, ENTRY_CANDIDATES);
    if (entry === null) {
      const where =
        packageRoot === null
          ? 'no `openclaw` package on PATH or in the global npm root'
          : `${packageRoot} has none of ${ENTRY_CANDIDATES.join(', ')}`;
      return {
        ok: false,
        message: `cannot find the OpenClaw gateway: ${where}; ${INSTALL_HINT}, or pass --entry <path to openclaw/dist/index.js> and --node <absolute path to node>`,
      };
    }
    entryPath = entry;
  }

  if (request.node !== undefined) {
    if (!isAbsolute(request.node)) {
      return {
        ok: false,
        message: `--node ${request.node} is not an absolute path: launchd does not search PATH; for example --node "$(command -v node)"`,
      };
    }
    const checked = await checkNode(request.node);
    if (typeof checked !== 'string')
      return { ok: true, runtime: { nodePath: request.node, nodeVersion: checked.version, entryPath } };
    return { ok: false, message: `--node ${checked}` };
  }

  // The node beside `openclaw` (or beside the global package) is the one it was installed with.
  // Paths stay unresolved: /opt/homebrew/bin/node survives a Node upgrade, the Cellar path does not.
  const candidates = [
    ...(bin === null ? [] : [join(dirname(bin), 'node')]),
    ...(packageRoot === null ? [] : [join(packageRoot, '..', '..', '..', 'bin', 'node')]),
    ...pathDirs.map((d) => join(d, 'node')),
  ].map((p) => resolve(p));
  const rejected: string[] = [];
  for (const candidate of [...new Set(candidates)]) {
    if (!(await isExecutable(candidate))) continue;
    const checked = await checkNode(candidate);
    if (typeof checked !== 'string')
      return { ok: true, runtime: { nodePath: candidate, nodeVersion: checked.version, entryPath } };
    rejected.push(checked);
  }
  const seen = rejected.length === 0 ? 'no node on PATH' : rejected.join('; ');
  return {
    ok: false,
    message: `cannot find Node >= ${MIN_NODE_TEXT} to run the gateway (${seen}); install Node ${MIN_NODE_TEXT} or later (for example \`brew install node\`), or pass --node <absolute path to node>`,
  };
}

/** The node's version, or why it cannot run a gateway (starting with its path). */
async function checkNode(path: string): Promise<{ version: string } | string> {
  if (!(await isExecutable(path))) return `${path} is not an executable file`;
  const run = await execa(path, ['-v'], { reject: false, timeout: 5000, stdin: 'ignore' });
  const version = parseNodeVersion(run.stdout);
  if (run.exitCode !== 0 || version === null) return `${path} -v did not print a Node version`;
  if (!isSupportedNode(version)) return `${path} is Node ${run.stdout.trim()}, older than ${MIN_NODE_TEXT}`;
  return { version: run.stdout.trim() };
}

/** The package root holding `openclaw`: the PATH executable through its symlinks, else a global root. */
async function findPackage(
  bin: string | null,
  request: LocateRequest,
  pathDirs: string[],
): Promise<string | null> {
  if (bin !== null) {
    const real = await realpath(bin).catch(() => null);
    const root = real === null ? null : await packageRootOf(dirname(real));
    if (root !== null) return root;
  }
  // Global roots: <prefix>/lib/node_modules beside each candidate node, then what npm itself says.
  const prefixes = [request.node, ...pathDirs.map((d) => join(d, 'node'))].flatMap((n) =>
    n === undefined ? [] : [join(dirname(n), '..', 'lib', 'node_modules')],
  );
  for (const globalRoot of [...new Set(prefixes)]) {
    const root = join(globalRoot, 'openclaw');
    if (await isOpenclawPackage(root)) return root;
  }
  const npm = await findOnPath(pathDirs, 'npm');
  if (npm === null) return null;
  const run = await execa(npm, ['root', '-g'], { reject: false, timeout: 10_000, stdin: 'ignore' });
  const root = join(run.stdout.trim(), 'openclaw');
  return run.exitCode === 0 && isAbsolute(root) && (await isOpenclawPackage(root)) ? root : null;
}

async function packageRootOf(start: string): Promise<string | null> {
  for (let dir = start; ; dir = dirname(dir)) {
    if (await isOpenclawPackage(dir)) return dir;
    if (dirname(dir) === dir) return null;
  }
}

async function isOpenclawPackage(dir: string): Promise<boolean> {
  try {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'openclaw';
  } catch {
    return false;
  }
}

async function findOnPath(dirs: string[], name: string): Promise<string | null> {
  for (const dir of dirs) {
    const path = join(dir, name);
    if (await isExecutable(path)) return path;
  }
  return null;
}

async function firstFile(root: string, names: string[]): Promise<string | null> {
  for (const name of names) if (await isFile(join(root, name))) return join(root, name);
  return null;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() === true;
}

async function isExecutable(path: string): Promise<boolean> {
  if (!(await isFile(path))) return false;
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
