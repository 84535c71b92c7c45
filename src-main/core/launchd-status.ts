// What the product knows about one launchd job, independent of which launchctl output it came from.
// Parsers in launchctl-parse.ts produce these; the monitor and the CLI consume them.

/** `state = ...` in `launchctl print`; other strings are transient states launchd may show. */
export type LaunchdState = 'running' | 'not running' | 'spawn scheduled' | (string & {});

export interface LastExit {
  /** Exit code of the previous instance, when it exited normally. */
  code: number | null;
  /** Signal number that ended the previous instance, when it died from a signal. */
  signal: number | null;
}

export interface ServiceStatus {
  label: string;
  loaded: true;
  state: LaunchdState;
  pid: number | null;
  /** Spawns since load; null when the source output does not carry it (list, domain print). */
  runs: number | null;
  /** null/null = never exited. */
  lastExit: LastExit;
  plistPath: string | null;
  program: string | null;
  arguments: string[];
  environment: Record<string, string>;
  /** As `print` shows them: only when the plist that launchd loaded sets them. */
  workingDirectory: string | null;
  stdoutPath: string | null;
  stderrPath: string | null;
  exitTimeoutSeconds: number | null;
  minimumRuntimeSeconds: number | null;
  properties: string[];
}

export interface NotLoaded {
  label: string;
  loaded: false;
}

export type JobStatus = ServiceStatus | NotLoaded;

/** One row of the `services = {` table of `launchctl print gui/<uid>`: the cheap whole-fleet view. */
export interface DomainServiceRow {
  label: string;
  pid: number | null;
  lastExit: LastExit;
  /** Raw text of the last-exit column (`-`, `78`, `-9`, `(pe)`), kept for display and debugging. */
  lastExitText: string;
}

export interface DomainStatus {
  services: DomainServiceRow[];
  /** Labels with an enable/disable override: true = disabled. */
  disabled: Record<string, boolean>;
}
