// Shared pieces of the add/remove CLI tests: ports the fleet accepts, a fake `openclaw` install for
// detection, and the token checks (tokens of rolled-back or purged instances live in the backups).
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FleetEnv } from './fleet-env.ts';
import { freePort, STUB_ENTRY } from './stub-gateway.ts';

export const FIXTURE_ENTRIES = new URL('../fixtures/entries/', import.meta.url).pathname;

/** `--node <node> --entry <stub>`: the runtime flags every add test passes unless it tests detection. */
export function runtimeFlags(env: FleetEnv, entry = env.entry): string[] {
  return ['--node', env.node, '--entry', entry];
}

/** A free loopback port at least 120 away from `taken` (and from the browser-control port +2 of each). */
export async function spacedPort(taken: readonly number[] = []): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port <= 65000 && taken.every((t) => Math.abs(t - port) >= 120)) return port;
  }
}

/** Tokens of the live instances plus those of state dirs moved into the backups. */
export function allTokens(env: FleetEnv): string[] {
  return env.tokens();
}

/** Every file under `dir` whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of safeList(dir)) {
    const path = join(dir, entry);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info?.isDirectory()) found.push(...filesContaining(path, needle));
    else if (info?.isFile() && readFileSync(path).includes(needle)) found.push(path);
  }
  return found;
}

export async function isLoaded(env: FleetEnv, label: string): Promise<boolean> {
  const print = await env.sim.run(['print', `${env.sim.domain}/${label}`]);
  return print.exitCode === 0;
}

/**
 * A global npm prefix the way `npm install -g openclaw` lays it out: `bin/openclaw` a symlink into
 * `lib/node_modules/openclaw`, `bin/node` beside it, and the package entry `dist/index.js` (here
 * forwarding to the stub gateway).
 */
export function fakeOpenclawPrefix(
  base: string,
  node: string,
): { prefix: string; bin: string; entry: string } {
  const prefix = join(base, 'prefix');
  const pkg = join(prefix, 'lib', 'node_modules', 'openclaw');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  mkdirSync(join(prefix, 'bin'), { recursive: true });
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: 'openclaw', version: '2026.9.6', type: 'module' }),
  );
  writeFileSync(join(pkg, 'openclaw.mjs'), "#!/usr/bin/env node\nimport './dist/index.js';\n");
  chmodSync(join(pkg, 'openclaw.mjs'), 0o755);
  writeFileSync(join(pkg, 'dist', 'index.js'), `import ${JSON.stringify(pathToFileURL(STUB_ENTRY).href)};\n`);
  symlinkSync('../lib/node_modules/openclaw/openclaw.mjs', join(prefix, 'bin', 'openclaw'));
  symlinkSync(node, join(prefix, 'bin', 'node'));
  return { prefix, bin: join(prefix, 'bin'), entry: join(pkg, 'dist', 'index.js') };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
