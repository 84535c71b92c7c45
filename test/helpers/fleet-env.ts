// A throwaway fleet for CLI tests: temp root container, LaunchAgents dir and HOME, a private launchd
// simulator, and stub gateways as the OpenClaw entry. Every CLI run is captured into a transcript
// so a test can prove no token was ever printed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src-main/cli/cli-io.ts';
import { COMMANDS } from '../../src-main/cli/commands/index.ts';
import { runCli } from '../../src-main/cli/run-cli.ts';
import { createLaunchdSim, type LaunchdSim } from './launchd-sim.ts';
import { STUB_ENTRY } from './stub-gateway.ts';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface FleetEnv {
  base: string;
  root: string;
  agentsDir: string;
  home: string;
  sim: LaunchdSim;
  /** The Node that runs gateways (the project's Node 24) and the stub entry standing in for openclaw. */
  node: string;
  entry: string;
  /** Runs `openclaw-fleet <args>` in-process with --root/--agents-dir/--launchctl of this env. */
  cli(
    args: string[],
    options?: { env?: Record<string, string>; tty?: boolean; interrupted?: Promise<void> },
  ): Promise<CliRun>;
  /** Everything every CLI run printed so far. */
  transcript(): string;
  /** Tokens in this env's instance configs, including backed-up ones (to grep the transcript for). */
  tokens(): string[];
  cleanup(): Promise<void>;
}

export function createFleetEnv(options: { timeScale?: number } = {}): FleetEnv {
  // Canonical paths: macOS's $TMPDIR (/var/folders/...) sits behind the /var -> /private/var
  // symlink, and the product resolves some paths (the `openclaw` link it detects) with realpath.
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'ocf-fleet-')));
  const root = join(base, 'openclaw');
  const agentsDir = join(base, 'LaunchAgents');
  const home = join(base, 'home');
  for (const dir of [root, agentsDir, home]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sim = createLaunchdSim({ timeScale: options.timeScale ?? 0.05 });
  const chunks: string[] = [];

  const cli: FleetEnv['cli'] = async (args, runOptions = {}) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      out: (t) => void ((stdout += t), chunks.push(t)),
      err: (t) => void ((stderr += t), chunks.push(t)),
      isTTY: runOptions.tty ?? false,
      color: false,
      env: { ...sim.env, HOME: home, ...runOptions.env },
      cwd: base,
    };
    const [command = '', ...rest] = args;
    const argv = command.startsWith('-')
      ? args
      : [command, '--root', root, '--agents-dir', agentsDir, '--launchctl', sim.launchctlPath, ...rest];
    const exitCode = await runCli(argv, io, COMMANDS, runOptions.interrupted);
    return { exitCode, stdout, stderr };
  };

  return {
    base,
    root,
    agentsDir,
    home,
    sim,
    node: process.execPath,
    entry: STUB_ENTRY,
    cli,
    transcript: () => chunks.join(''),
    tokens: () => collectTokens(root),
    async cleanup() {
      await sim.shutdown();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Tokens in instance configs, live or moved into the backups by a rollback or a purge. */
function collectTokens(root: string): string[] {
  const tokens: string[] = [];
  for (const dir of [root, join(root, '.fleet', 'backups', 'state')]) {
    for (const entry of safeList(dir)) {
      try {
        const config = JSON.parse(readFileSync(join(dir, entry, 'openclaw.json'), 'utf8')) as {
          gateway?: { auth?: { token?: unknown } };
        };
        const token = config.gateway?.auth?.token;
        if (typeof token === 'string' && token.length >= 16) tokens.push(token);
      } catch {
        // not an instance dir, or no readable config
      }
    }
  }
  return tokens;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
