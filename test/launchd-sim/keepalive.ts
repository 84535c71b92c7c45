// launchd's KeepAlive rules (launchd.plist(5) and launchd 842 job_keepalive): whether a job is
// started when it is loaded, and whether an instance that just ended is started again.
import { isCrash, type ExitOutcome } from './exit-status.ts';

export type KeepAlive =
  | { kind: 'none' }
  | { kind: 'always' }
  | {
      kind: 'conditions';
      successfulExit?: boolean;
      crashed?: boolean;
      pathState: Readonly<Record<string, boolean>>;
      otherJobEnabled: Readonly<Record<string, boolean>>;
      afterInitialDemand: boolean;
    };

/** What the decision may ask about the world; injected so the table stays pure. */
export interface KeepAliveProbes {
  pathExists(path: string): boolean;
  jobLoaded(label: string): boolean;
}

function anyWorldConditionHolds(
  keepAlive: Extract<KeepAlive, { kind: 'conditions' }>,
  probes: KeepAliveProbes,
): boolean {
  const paths = Object.entries(keepAlive.pathState).some(([path, want]) => probes.pathExists(path) === want);
  const jobs = Object.entries(keepAlive.otherJobEnabled).some(
    ([label, want]) => probes.jobLoaded(label) === want,
  );
  return paths || jobs;
}

/**
 * RunAtLoad starts the job once; any KeepAlive form also starts it speculatively, except that
 * AfterInitialDemand defers the conditions until something demanded the job first.
 */
export function startsAtLoad(runAtLoad: boolean, keepAlive: KeepAlive, probes: KeepAliveProbes): boolean {
  if (runAtLoad || keepAlive.kind === 'always') return true;
  if (keepAlive.kind === 'none' || keepAlive.afterInitialDemand) return false;
  if (keepAlive.successfulExit !== undefined || keepAlive.crashed !== undefined) return true;
  return anyWorldConditionHolds(keepAlive, probes);
}

/**
 * After an instance ended on its own (not stopped by launchd): respawn if KeepAlive is true or
 * if any dictionary condition holds — the conditions are ORed.
 */
export function shouldRespawn(
  keepAlive: KeepAlive,
  outcome: ExitOutcome,
  probes: KeepAliveProbes,
  demandedBefore: boolean,
): boolean {
  if (keepAlive.kind === 'none') return false;
  if (keepAlive.kind === 'always') return true;
  if (keepAlive.afterInitialDemand && !demandedBefore) return false;
  const goodExit = outcome.kind === 'exited' && outcome.code === 0;
  if (keepAlive.successfulExit !== undefined && goodExit === keepAlive.successfulExit) return true;
  if (keepAlive.crashed !== undefined && isCrash(outcome) === keepAlive.crashed) return true;
  return anyWorldConditionHolds(keepAlive, probes);
}
