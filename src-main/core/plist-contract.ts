// The LaunchAgent every fleet instance gets: the user's contract (docs/cluster-architecture.md,
// "LaunchAgent Contract") plus what the real gateway needs under launchd
// (docs/reference/openclaw-gateway.md §1: absolute node, a PATH holding node's dir, service markers).
import { labelFor } from './instance-name.ts';
import { dirOf, joinPath } from './paths.ts';

/** The launchd keys this product writes and reads; other keys are kept as unknown values. */
export interface LaunchAgentPlist {
  Label?: unknown;
  Comment?: unknown;
  ProgramArguments?: unknown;
  EnvironmentVariables?: unknown;
  RunAtLoad?: unknown;
  KeepAlive?: unknown;
  WorkingDirectory?: unknown;
  StandardOutPath?: unknown;
  StandardErrorPath?: unknown;
  [key: string]: unknown;
}

export interface InstancePlistSpec {
  name: string;
  port: number;
  stateDir: string;
  nodePath: string;
  entryPath: string;
}

/** launchd gives agents only this PATH (launchd.md §4.5); the gateway shells out to tools like lsof. */
export const LAUNCHD_DEFAULT_PATH = '/usr/bin:/bin:/usr/sbin:/sbin';
const EXTRA_PATH_DIRS = ['/opt/homebrew/bin', '/usr/local/bin'];

export const GATEWAY_LOG_FILE = 'gateway.log';

export function instanceLogPath(stateDir: string): string {
  return joinPath(stateDir, 'logs', GATEWAY_LOG_FILE);
}

export function instanceConfigPath(stateDir: string): string {
  return joinPath(stateDir, 'openclaw.json');
}

/** The instance's cache dir: the gateway already keeps its control-UI assets here. */
export function instanceCacheDir(stateDir: string): string {
  return joinPath(stateDir, 'cache');
}

export function gatewayPathEnv(nodePath: string): string {
  const dirs = [dirOf(nodePath), ...EXTRA_PATH_DIRS, ...LAUNCHD_DEFAULT_PATH.split(':')];
  return [...new Set(dirs)].join(':');
}

/**
 * Renders the plist for one instance. No token here, ever: the gateway reads it from openclaw.json.
 * stdout and stderr share one file, as the gateway's own installer does, so the last-error-line
 * search sees both streams in order.
 */
export function renderInstancePlist(spec: InstancePlistSpec): LaunchAgentPlist {
  const label = labelFor(spec.name);
  const logPath = instanceLogPath(spec.stateDir);
  return {
    Label: label,
    Comment: `OpenClaw Gateway (fleet instance ${spec.name}, managed by OpenClaw Fleet)`,
    ProgramArguments: [spec.nodePath, spec.entryPath, 'gateway', '--port', String(spec.port)],
    EnvironmentVariables: {
      OPENCLAW_STATE_DIR: spec.stateDir,
      OPENCLAW_CONFIG_PATH: instanceConfigPath(spec.stateDir),
      OPENCLAW_GATEWAY_PORT: String(spec.port),
      // The gateway derives its own launchd label from the profile; keep it pointed at this job.
      OPENCLAW_PROFILE: spec.name,
      OPENCLAW_LAUNCHD_LABEL: label,
      OPENCLAW_SERVICE_MARKER: 'openclaw',
      OPENCLAW_SERVICE_KIND: 'gateway',
      // Without these the real gateway (2026.9.6) writes into HOME: its SQLite snapshot staging and
      // jiti caches go to $XDG_CACHE_HOME (else ~/.cache, ~/Library/Caches on macOS), and the npm it
      // runs at start writes debug logs to its cache dir (else ~/.npm/_logs).
      XDG_CACHE_HOME: instanceCacheDir(spec.stateDir),
      npm_config_cache: joinPath(instanceCacheDir(spec.stateDir), 'npm'),
      PATH: gatewayPathEnv(spec.nodePath),
    },
    RunAtLoad: true,
    KeepAlive: true,
    ThrottleInterval: 10,
    // The gateway drains on SIGTERM; its own installer allows 20 s before launchd's SIGKILL.
    ExitTimeOut: 20,
    ProcessType: 'Interactive',
    // 0o077: state written by the gateway stays private to the user.
    Umask: 63,
    WorkingDirectory: spec.stateDir,
    StandardOutPath: logPath,
    StandardErrorPath: logPath,
  };
}

/** The plist's environment as launchd applies it: non-string values are ignored (launchd.plist(5)). */
export function plistEnvironment(plist: LaunchAgentPlist): Record<string, string> {
  const value = plist.EnvironmentVariables;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
