// The container layout: the root holds instances only, and gateways outside the fleet are named.
import { auditFinding, type AuditFinding, type AuditInput } from './audit-types.ts';

export function layoutRules({ discovery, launchdProblem, listenerProblem }: AuditInput): AuditFinding[] {
  const out: AuditFinding[] = [];
  if (launchdProblem) {
    out.push(
      auditFinding(
        null,
        'launchd-unavailable',
        `launchd's view of the fleet could not be read (${launchdProblem}): loaded state and drift were not checked`,
        'log in to the Mac desktop (the gui domain exists only with a GUI login), or pass --launchctl <path>',
      ),
    );
  }
  if (listenerProblem) {
    out.push(
      auditFinding(
        null,
        'listeners-unavailable',
        `the TCP listeners could not be read (${listenerProblem}): port ownership was not checked`,
        'make sure lsof is installed and runs',
        'warning',
      ),
    );
  }
  if (discovery.rootLiveState.length > 0) {
    out.push(
      auditFinding(
        null,
        'root-live-state',
        `the root container holds live gateway state (${discovery.rootLiveState.join(', ')}): ` +
          'the root must be a container only, or a gateway without OPENCLAW_STATE_DIR will use it',
        'openclaw-fleet migrate --dry-run, then openclaw-fleet migrate',
      ),
    );
  }
  for (const job of discovery.otherGateways) {
    const where = job.plistPath ?? 'no plist on disk';
    out.push(
      auditFinding(
        null,
        job.kind === 'legacy-gateway' ? 'legacy-gateway-job' : 'foreign-gateway-job',
        `${job.label} (${where}${job.loaded ? `, loaded${job.pid !== null ? `, pid ${job.pid}` : ''}` : ''}) is a gateway outside the fleet layout` +
          (job.kind === 'legacy-gateway' ? ': it may share the root container or a port with the fleet' : ''),
        job.kind === 'legacy-gateway'
          ? 'openclaw-fleet migrate moves it into the fleet'
          : `rename it to ai.openclaw.<valid-name> or remove it (launchctl bootout gui/$(id -u)/${job.label})`,
        'warning',
      ),
    );
  }
  for (const dir of discovery.strayStateDirs) {
    out.push(
      auditFinding(
        null,
        'stray-state-dir',
        `${dir} looks like an instance dir but its name is not a valid instance name`,
        'rename it to .openclaw-<name> with a-z, 0-9 and -, or move it out of the root',
        'warning',
      ),
    );
  }
  return out;
}
