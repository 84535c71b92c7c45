// Plain snapshots the supervisor hands to the formatters, so output shapes can be unit tested
// without processes.
import type { ExitOutcome } from './exit-status.ts';

export type JobState = 'not running' | 'spawn scheduled' | 'running' | 'SIGTERMed' | 'SIGKILLed';

export interface ServiceView {
  label: string;
  uid: number;
  asid: number;
  plistPath: string;
  state: JobState;
  program: string;
  /** Present only when the plist has ProgramArguments. */
  arguments?: string[];
  workingDirectory?: string;
  stdoutPath?: string;
  stderrPath?: string;
  environment: Array<[string, string]>;
  minimumRuntimeS: number;
  exitTimeoutS: number;
  runs: number;
  pid?: number;
  immediateReason?: string;
  lastExit: ExitOutcome | null;
  /** KeepAlive dictionary conditions, e.g. `successful exit` → `1`. */
  semaphores: Array<[string, string]>;
  spawnType: string;
  /** `running` / `exited` / `spawn failed`; absent before the first spawn. */
  jobState?: string;
  properties: string[];
  /** Raw plist values exported by the legacy `list <label>` dump. */
  legacy: { program: string; programArguments?: string[]; onDemand: boolean };
}

export interface DomainView {
  uid: number;
  asid: number;
  creatorPid: number;
  services: ServiceView[];
  disabled: Array<[string, boolean]>;
}
