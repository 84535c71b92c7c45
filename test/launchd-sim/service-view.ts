// A job's state as the snapshot the formatters print (launchd.md §5.2 fields).
import type { ExitOutcome } from './exit-status.ts';
import { printedEnvironment } from './job-environment.ts';
import { programOf, type JobSpec } from './job-spec.ts';
import type { JobState, ServiceView } from './views.ts';

export interface JobStatus {
  uid: number;
  asid: number;
  plistPath: string;
  state: JobState;
  runs: number;
  lastExit: ExitOutcome | null;
  pid: number | undefined;
  immediateReason: string | undefined;
  jobState: string | undefined;
}

export function serviceView(spec: JobSpec, status: JobStatus): ServiceView {
  const view: ServiceView = {
    label: spec.label,
    uid: status.uid,
    asid: status.asid,
    plistPath: status.plistPath,
    state: status.state,
    program: programOf(spec),
    environment: printedEnvironment(spec),
    minimumRuntimeS: spec.throttleIntervalS,
    exitTimeoutS: spec.exitTimeOutS,
    runs: status.runs,
    lastExit: status.lastExit,
    semaphores: semaphoresOf(spec),
    spawnType: spec.processType === 'Interactive' ? 'interactive (4)' : 'daemon (3)',
    properties: propertiesOf(spec),
    // launchd 842 job_export: OnDemand is false only for `KeepAlive = true`.
    legacy: { program: programOf(spec), onDemand: spec.keepAlive.kind !== 'always' },
  };
  if (spec.programArguments) {
    view.arguments = spec.programArguments;
    view.legacy.programArguments = spec.programArguments;
  }
  if (spec.workingDirectory !== undefined) view.workingDirectory = spec.workingDirectory;
  if (spec.standardOutPath !== undefined) view.stdoutPath = spec.standardOutPath;
  if (spec.standardErrorPath !== undefined) view.stderrPath = spec.standardErrorPath;
  if (status.pid !== undefined) {
    view.pid = status.pid;
    view.immediateReason = status.immediateReason ?? 'speculative';
  }
  if (status.jobState !== undefined) view.jobState = status.jobState;
  return view;
}

function semaphoresOf(spec: JobSpec): Array<[string, string]> {
  const keepAlive = spec.keepAlive;
  if (keepAlive.kind !== 'conditions') return [];
  const rows: Array<[string, string]> = [];
  if (keepAlive.successfulExit !== undefined)
    rows.push(['successful exit', keepAlive.successfulExit ? '1' : '0']);
  if (keepAlive.crashed !== undefined) rows.push(['crashed', keepAlive.crashed ? '1' : '0']);
  return rows;
}

function propertiesOf(spec: JobSpec): string[] {
  const properties: string[] = [];
  if (spec.keepAlive.kind !== 'none') properties.push('keepalive');
  if (spec.runAtLoad) properties.push('runatload');
  if (spec.program === undefined) properties.push('inferred program');
  return properties;
}
