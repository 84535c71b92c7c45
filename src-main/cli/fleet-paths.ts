// Where the fleet lives: flag, then environment variable, then the macOS default (docs/contracts.md).
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './cli-error.ts';

export interface FleetPaths {
  /** The container, `~/.openclaw` by default; instance state dirs are `<root>/.openclaw-<name>`. */
  root: string;
  agentsDir: string;
  launchctl: string;
}

export interface PathFlags {
  root?: string | undefined;
  'agents-dir'?: string | undefined;
  launchctl?: string | undefined;
}

export function resolveFleetPaths(
  flags: PathFlags,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): FleetPaths {
  const home = env.HOME ?? homedir();
  return {
    root: pick(flags.root, env.OPENCLAW_FLEET_ROOT, join(home, '.openclaw'), '--root', cwd),
    agentsDir: pick(
      flags['agents-dir'],
      env.OPENCLAW_FLEET_AGENTS_DIR,
      join(home, 'Library', 'LaunchAgents'),
      '--agents-dir',
      cwd,
    ),
    launchctl: pick(flags.launchctl, env.OPENCLAW_FLEET_LAUNCHCTL, '/bin/launchctl', '--launchctl', cwd),
  };
}

function pick(
  flag: string | undefined,
  fromEnv: string | undefined,
  fallback: string,
  name: string,
  cwd: string,
): string {
  const value = flag ?? (fromEnv === '' ? undefined : fromEnv) ?? fallback;
  if (value.trim() === '')
    throw new UsageError(`${name} is empty: give a path, for example ${name} ${fallback}`);
  return isAbsolute(value) ? value : resolve(cwd, value);
}
