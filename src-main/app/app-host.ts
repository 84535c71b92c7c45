// The fleet host of the app: the real launchctl, lsof and files, at the paths the settings
// override, else the environment (OPENCLAW_FLEET_ROOT, ...), else the macOS defaults, exactly as
// the CLI resolves them (docs/contracts.md).
import { resolveFleetPaths, type FleetPaths } from '../cli/fleet-paths.ts';
import { createRealFleetContext } from '../fleet/real-fleet-context.ts';
import { createFleetHost, type FleetHost, type FleetHostOptions } from '../host/fleet-host.ts';
import { locateGatewayRuntime } from '../platform/locate-openclaw.ts';
import type { AppSettings } from './app-settings.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** An app started from Finder gets launchd's bare PATH; Homebrew's bins are where node and openclaw live. */
const GUI_EXTRA_PATH = ['/opt/homebrew/bin', '/usr/local/bin'];

export function guiPath(env: Env): string {
  const dirs = (env.PATH ?? '/usr/bin:/bin:/usr/sbin:/sbin').split(':').filter(Boolean);
  return [...dirs, ...GUI_EXTRA_PATH.filter((d) => !dirs.includes(d))].join(':');
}

export function appFleetPaths(settings: AppSettings, env: Env, home: string): FleetPaths {
  return resolveFleetPaths(
    { root: settings.rootDir ?? undefined, 'agents-dir': settings.agentsDir ?? undefined },
    { ...env, HOME: env.HOME ?? home },
    home,
  );
}

export function createAppHost(
  settings: AppSettings,
  env: Env,
  home: string,
  appSettings?: FleetHostOptions['appSettings'],
): FleetHost {
  const paths = appFleetPaths(settings, env, home);
  const stringEnv = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const ctx = createRealFleetContext({
    root: paths.root,
    agentsDir: paths.agentsDir,
    launchctlPath: paths.launchctl,
    launchctl: { env: stringEnv },
  });
  return createFleetHost(ctx, {
    runtime: async () => {
      const located = await locateGatewayRuntime({ env: { ...env, PATH: guiPath(env) }, cwd: home });
      return located.ok
        ? { nodePath: located.runtime.nodePath, entryPath: located.runtime.entryPath }
        : { error: located.message };
    },
    settings: { intervalMs: settings.intervalMs },
    notifications: { enabled: settings.notifications },
    ...(appSettings ? { appSettings } : {}),
  });
}
