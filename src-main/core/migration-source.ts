// What the legacy `ai.openclaw.gateway` job tells a migration: whether it keeps its state in the
// root, which node and entry it runs, on which port, and where its log goes.
import type { PlistReadResult } from './fleet-facts.ts';
import { parseLegacyProgram, usesRoot, type LegacyProgram } from './migration-legacy.ts';
import { plistEnvironment } from './plist-contract.ts';
import { parsePortArgument } from './plist-lint-program.ts';

export interface LegacyJobFacts {
  label: string;
  /** The plist file in the agents dir; null when launchd has the job but no file is there. */
  plistPath: string | null;
  read: PlistReadResult | null;
  loaded: boolean;
  pid: number | null;
  /** The env file of the env-wrapper form, parsed; null when there is none or it is unreadable. */
  envFile: Record<string, string> | null;
}

export interface LegacySource {
  /** The job runs on the root's state and so moves with it. */
  usesRoot: boolean;
  /** OPENCLAW_STATE_DIR of the job, when set (plist env, else its env file). */
  stateDir: string | null;
  program: LegacyProgram | null;
  port: number | null;
  portSource: string;
  logPath: string | null;
}

export type LegacyAnalysis = { ok: true; source: LegacySource } | { ok: false; message: string };

export function analyseLegacyJob(job: LegacyJobFacts, root: string): LegacyAnalysis {
  if (job.read === null || (!job.read.ok && job.read.reason === 'missing')) {
    return {
      ok: false,
      message:
        `${job.label} is loaded but has no plist in the LaunchAgents dir, so migrate cannot tell what it runs: ` +
        `stop it with launchctl bootout gui/$(id -u)/${job.label}, then run migrate again`,
    };
  }
  if (!job.read.ok) return { ok: false, message: `cannot use the legacy plist: ${job.read.message}` };
  const plist = job.read.plist;
  const plistEnv = plistEnvironment(plist);
  const env = { ...(job.envFile ?? {}), ...plistEnv };
  const stateDir = env.OPENCLAW_STATE_DIR ?? null;
  const rootJob = usesRoot(stateDir, root);
  const parsed = parseLegacyProgram(plist.ProgramArguments);
  if (rootJob && !parsed.ok) {
    return { ok: false, message: `cannot take node and entry from ${job.plistPath}: ${parsed.message}` };
  }
  const program = parsed.ok ? parsed.program : null;
  // The gateway's own precedence: --port, then OPENCLAW_GATEWAY_PORT (openclaw-gateway.md §2).
  const envPort = parsePortArgument(env.OPENCLAW_GATEWAY_PORT);
  const port = program?.port ?? envPort;
  const where =
    program?.form === 'env-wrapper' && plistEnv.OPENCLAW_GATEWAY_PORT === undefined
      ? 'its env file'
      : 'its plist';
  const out = plist.StandardOutPath;
  return {
    ok: true,
    source: {
      usesRoot: rootJob,
      stateDir,
      program,
      port,
      portSource:
        program?.port != null ? `--port in the ${job.label} plist` : `OPENCLAW_GATEWAY_PORT in ${where}`,
      logPath: typeof out === 'string' ? out : null,
    },
  };
}
