// Inputs and outputs of the fleet audit. Every input is a fact gathered by the shell; the rules are
// pure functions of them.
import type { Discovery } from '../discovery.ts';
import type { Finding } from '../finding.ts';
import type { ServiceStatus } from '../launchd-status.ts';
import type { Listener } from '../listeners.ts';
import type { PathInspector } from '../path-facts.ts';

export interface AuditFinding extends Finding {
  /** Instance name, or null for fleet-wide findings. */
  instance: string | null;
}

/** Who holds a state dir's gateway lock, from `<state dir>/tmp/openclaw-<uid>/gateway.state.lock`. */
export interface StateDirOwner {
  stateDir: string;
  pid: number;
  alive: boolean;
  command: string | null;
}

export interface AuditInput {
  discovery: Discovery;
  /** All TCP listeners of the user, or null when they could not be read (the port rules are skipped). */
  listeners: Listener[] | null;
  inspect: PathInspector;
  /** `launchctl print` of loaded instances, when gathered; enables the changed-since-load rule. */
  loadedDetails?: ReadonlyMap<string, ServiceStatus>;
  stateDirOwners?: readonly StateDirOwner[];
  /** Why launchd's view could not be read (launchctl failed or hung), if it could not. */
  launchdProblem?: string | null;
  /** Why the listeners could not be read, if they could not. */
  listenerProblem?: string | null;
}

export type AuditRule = (input: AuditInput) => AuditFinding[];

export function auditFinding(
  instance: string | null,
  code: string,
  message: string,
  fix: string,
  severity: Finding['severity'] = 'error',
): AuditFinding {
  return { instance, code, severity, message, fix };
}
