// What is running right now versus what the fleet says should run: listeners on fleet ports, live
// owners of state dirs, and launchd's loaded copy of each plist.
import type { InstanceRecord } from '../discovery.ts';
import type { ServiceStatus } from '../launchd-status.ts';
import { listenersByPort } from '../listeners.ts';
import { plistEnvironment, type LaunchAgentPlist } from '../plist-contract.ts';
import { auditFinding, type AuditFinding, type AuditInput } from './audit-types.ts';

export function runtimeRules(input: AuditInput): AuditFinding[] {
  const { instances } = input.discovery;
  return [
    ...portOwnerRules(instances, input),
    ...stateOwnerRules(instances, input),
    ...instances.flatMap((i) => loadedCopyRules(i, input.loadedDetails?.get(i.label))),
    ...instances.filter((i) => i.disabled).map(disabledFinding),
  ];
}

function portOwnerRules(instances: InstanceRecord[], input: AuditInput): AuditFinding[] {
  if (input.listeners === null) return [];
  const byPort = listenersByPort(input.listeners);
  const out: AuditFinding[] = [];
  for (const i of instances) {
    const holders = i.port === null ? [] : (byPort.get(i.port) ?? []);
    const ownPid = i.launchd?.pid ?? null;
    if (holders.length === 0 || holders.some((l) => l.pid === ownPid)) continue;
    const who = holders.map((l) => `pid ${l.pid} (${l.command})`).join(', ');
    out.push(
      auditFinding(
        i.name,
        'port-foreign-listener',
        `port ${i.port} is held by ${who}, not by ${i.label}${ownPid === null ? ' (which has no running process)' : ` (pid ${ownPid})`}: ` +
          'a gateway started from a shell dies with it, and a foreign listener blocks the instance',
        `stop ${who} (for example kill ${holders[0]!.pid} from the shell that started it), then openclaw-fleet restart ${i.name}`,
      ),
    );
  }
  return out;
}

function stateOwnerRules(instances: InstanceRecord[], input: AuditInput): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const owner of input.stateDirOwners ?? []) {
    if (!owner.alive) continue;
    const instance = instances.find((i) => i.stateDir === owner.stateDir) ?? null;
    if (instance?.launchd?.pid === owner.pid) continue;
    out.push(
      auditFinding(
        instance?.name ?? null,
        'state-dir-foreign-owner',
        `${owner.stateDir} is in use by pid ${owner.pid}${owner.command ? ` (${owner.command})` : ''}, which launchd did not start` +
          (instance ? ` for ${instance.label}` : '') +
          ': two processes on one state dir make the second exit 78',
        `stop pid ${owner.pid} from the shell that started it, then openclaw-fleet restart ${instance?.name ?? '<name>'}`,
      ),
    );
  }
  return out;
}

/** launchd runs the copy it parsed at bootstrap; an edited plist needs stop + start to apply. */
function loadedCopyRules(i: InstanceRecord, loaded: ServiceStatus | undefined): AuditFinding[] {
  if (loaded === undefined || i.plist === null || !differsFromLoaded(i.plist, loaded)) return [];
  return [
    auditFinding(
      i.name,
      'plist-changed-since-load',
      `${i.plistPath} changed after launchd loaded it: launchd still runs the old arguments, environment, paths or exit timeout, and a restart will not pick up the change`,
      `openclaw-fleet stop ${i.name} && openclaw-fleet start ${i.name}`,
      'warning',
    ),
  ];
}

/** launchd's ExitTimeOut when the plist names none (`exit timeout = 5` in print, docs/reference/launchd.md). */
const DEFAULT_EXIT_TIMEOUT_S = 5;

/**
 * The plist on disk says something other than what launchd loaded. Compares what `print` shows:
 * arguments and environment always; working directory and stdout/stderr paths, which print shows
 * exactly when the loaded plist set them; the exit timeout, which it always shows.
 */
export function differsFromLoaded(plist: LaunchAgentPlist, loaded: ServiceStatus): boolean {
  const args = Array.isArray(plist.ProgramArguments) ? plist.ProgramArguments : [];
  if (args.length !== loaded.arguments.length || args.some((a, n) => a !== loaded.arguments[n])) return true;
  const env = plistEnvironment(plist);
  const shown = Object.entries(loaded.environment).filter(([k]) => k !== 'XPC_SERVICE_NAME');
  if (shown.length !== Object.keys(env).length || shown.some(([k, v]) => env[k] !== v)) return true;
  const paths: [unknown, string | null][] = [
    [plist.WorkingDirectory, loaded.workingDirectory],
    [plist.StandardOutPath, loaded.stdoutPath],
    [plist.StandardErrorPath, loaded.stderrPath],
  ];
  if (paths.some(([onDisk, inLaunchd]) => (typeof onDisk === 'string' ? onDisk : null) !== inLaunchd))
    return true;
  const timeout = typeof plist.ExitTimeOut === 'number' ? plist.ExitTimeOut : DEFAULT_EXIT_TIMEOUT_S;
  return loaded.exitTimeoutSeconds !== null && loaded.exitTimeoutSeconds !== timeout;
}

function disabledFinding(i: InstanceRecord): AuditFinding {
  return auditFinding(
    i.name,
    'instance-disabled',
    `${i.label} has a launchd "disabled" override: launchd refuses to load it until it is enabled again` +
      ' (a gateway that lost its state-dir lock parks itself this way)',
    `openclaw-fleet start ${i.name} (it runs launchctl enable first)`,
    'warning',
  );
}
