// Everything the simulator reads from its environment, checked in one place.
import { createHash } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';

export interface SimConfig {
  dir: string;
  /** Multiplies throttle intervals and exit timeouts (print still shows the plist values). */
  timeScale: number;
  /** Simulate a Mac reached only over SSH: no gui/<uid> domain. */
  noGui: boolean;
  /** Answer with the root forms of launchctl's errors (per-path lines, 37, 119, …). */
  root: boolean;
  /** The supervisor exits, killing its jobs, once this process is gone. */
  ownerPid?: number;
}

export type ConfigResult = { ok: true; config: SimConfig } | { ok: false; message: string };

function flag(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

export function readSimConfig(env: NodeJS.ProcessEnv, cwd: string): ConfigResult {
  const rawDir = env.LAUNCHD_SIM_DIR;
  if (rawDir === undefined || rawDir === '') {
    return {
      ok: false,
      message:
        'launchctl (launchd simulator): LAUNCHD_SIM_DIR must name the state directory of this simulator instance',
    };
  }
  const scaleText = env.LAUNCHD_SIM_TIME_SCALE;
  const timeScale = scaleText === undefined || scaleText === '' ? 1 : Number(scaleText);
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    return {
      ok: false,
      message: `launchctl (launchd simulator): LAUNCHD_SIM_TIME_SCALE must be a positive number, got ${JSON.stringify(scaleText)}`,
    };
  }
  const config: SimConfig = {
    dir: isAbsolute(rawDir) ? rawDir : resolve(cwd, rawDir),
    timeScale,
    noGui: flag(env.LAUNCHD_SIM_NO_GUI),
    root: flag(env.LAUNCHD_SIM_ROOT),
  };
  const owner = Number(env.LAUNCHD_SIM_OWNER_PID);
  if (Number.isInteger(owner) && owner > 0) config.ownerPid = owner;
  return { ok: true, config };
}

// sun_path holds 104 bytes on macOS and 108 on Linux; stay clear of both.
const MAX_SOCKET_PATH_BYTES = 100;

/** The supervisor's socket: inside the state dir when short enough, else a hashed tmp name. */
export function socketPathFor(dir: string, tmpDir: string): string {
  const inside = join(dir, 'launchd.sock');
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH_BYTES) return inside;
  const hash = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  return join(tmpDir, `launchd-sim-${hash}.sock`);
}

/** Files of one simulator instance, all under its state dir. */
export function stateFiles(dir: string) {
  return {
    disabled: join(dir, 'disabled-overrides.json'),
    liveGroups: join(dir, 'live-process-groups.json'),
    supervisor: join(dir, 'supervisor.json'),
    supervisorLog: join(dir, 'supervisor.log'),
    startLock: join(dir, 'supervisor-start.lock'),
  };
}
