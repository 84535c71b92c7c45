// A private launchd simulator per test: fresh state dir, its own supervisor, and a shutdown that
// leaves no process behind. See test/launchd-sim/README.md for what the simulator implements.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killRecordedGroups } from '../launchd-sim/group-registry.ts';
import { procBackend, type ProcBackend, type ProcBackendName } from '../launchd-sim/proc-info.ts';
import { socketPathFor, stateFiles } from '../launchd-sim/sim-config.ts';

export interface LaunchdSimOptions {
  /** Multiplies ThrottleInterval and ExitTimeOut waits (print shows the unscaled values). */
  timeScale?: number;
  /** Simulate an SSH-only Mac: the gui/<uid> domain does not exist. */
  noGui?: boolean;
  /** Answer with launchctl's root forms of errors instead of the default non-root ones. */
  root?: boolean;
  /**
   * How the supervisor and this helper read process facts: `proc` (/proc) or `ps`. Default: the
   * LAUNCHD_SIM_PROC_BACKEND of the test process, else /proc where it exists, else ps.
   */
  procBackend?: ProcBackendName;
}

export interface LaunchctlResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface LaunchdSim {
  /** The state dir (LAUNCHD_SIM_DIR); removed by shutdown(). */
  dir: string;
  /** Absolute path of the simulated `launchctl` executable. */
  launchctlPath: string;
  uid: number;
  /** `gui/<uid>` */
  domain: string;
  /** Environment for children that call launchctl; its directory is first on PATH. */
  env: NodeJS.ProcessEnv;
  run(args: string[]): Promise<LaunchctlResult>;
  shutdown(): Promise<void>;
}

const launchctlPath = fileURLToPath(new URL('../launchd-sim/launchctl', import.meta.url));
const SHUTDOWN_TIMEOUT_MS = 20_000;

function runLaunchctl(args: string[], env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<LaunchctlResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(launchctlPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) =>
      resolveRun({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }),
    );
  });
}

/** Kills a supervisor that did not stop by itself, if it is provably the one we started. */
function killSupervisor(dir: string, backend: ProcBackend): void {
  try {
    const { pid, startTime } = JSON.parse(readFileSync(stateFiles(dir).supervisor, 'utf8')) as {
      pid: number;
      startTime: string;
    };
    if (backend.readStat(pid)?.startTime === startTime) process.kill(pid, 'SIGKILL');
  } catch {
    // No record, or already gone.
  }
}

export function createLaunchdSim(options: LaunchdSimOptions = {}): LaunchdSim {
  // Canonical, because jobs see their real cwd: macOS's tmpdir is under the /var -> /private/var link.
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'launchd-sim-')));
  const backend = procBackend(options.procBackend);
  const uid = process.getuid?.() ?? 0;
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('LAUNCHD_SIM_')),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PATH: [dirname(launchctlPath), process.env.PATH].filter(Boolean).join(':'),
    LAUNCHD_SIM_DIR: dir,
    LAUNCHD_SIM_OWNER_PID: String(process.pid),
    // Start times are only comparable within one backend, and this helper reads the supervisor's.
    LAUNCHD_SIM_PROC_BACKEND: backend.name,
  };
  if (options.timeScale !== undefined) env.LAUNCHD_SIM_TIME_SCALE = String(options.timeScale);
  if (options.noGui) env.LAUNCHD_SIM_NO_GUI = '1';
  if (options.root) env.LAUNCHD_SIM_ROOT = '1';
  let shutDown = false;
  return {
    dir,
    launchctlPath,
    uid,
    domain: `gui/${uid}`,
    env,
    run: (args) => runLaunchctl(args, env),
    async shutdown() {
      if (shutDown) return;
      shutDown = true;
      try {
        await runLaunchctl(['sim-shutdown'], env, SHUTDOWN_TIMEOUT_MS);
      } finally {
        // Whatever survived (a crashed supervisor, abandoned process groups) goes now.
        killRecordedGroups(stateFiles(dir).liveGroups, backend);
        killSupervisor(dir, backend);
        const socket = socketPathFor(dir, tmpdir());
        if (!socket.startsWith(dir) && existsSync(socket)) rmSync(socket, { force: true });
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
