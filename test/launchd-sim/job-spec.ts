// A loaded job's definition, extracted from a parsed plist the way launchd reads it: unknown or
// ill-typed optional keys are ignored, only Label and Program(Arguments) are mandatory.
import type { KeepAlive } from './keepalive.ts';
import { DEFAULT_EXIT_TIMEOUT_S, DEFAULT_THROTTLE_INTERVAL_S } from './throttle.ts';

export interface JobSpec {
  label: string;
  /** `Program` exactly as written, if present. */
  program?: string;
  programArguments?: string[];
  runAtLoad: boolean;
  keepAlive: KeepAlive;
  throttleIntervalS: number;
  exitTimeOutS: number;
  workingDirectory?: string;
  standardOutPath?: string;
  standardErrorPath?: string;
  /** Only the string-valued EnvironmentVariables; launchd ignores the others. */
  environmentVariables: Record<string, string>;
  abandonProcessGroup: boolean;
  processType?: string;
  /** The plist's `Disabled` key: a default that the persisted override store wins over. */
  disabledByDefault: boolean;
}

export type JobSpecResult =
  { ok: true; spec: JobSpec } | { ok: false; problem: 'missing-label' | 'missing-program' };

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  );
}

function str(dict: Dict, key: string): string | undefined {
  const value = dict[key];
  return typeof value === 'string' ? value : undefined;
}

function bool(dict: Dict, key: string): boolean {
  return dict[key] === true;
}

function nonNegativeInt(dict: Dict, key: string, fallback: number): number {
  const value = dict[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

function boolMap(value: unknown): Record<string, boolean> {
  if (!isDict(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
  );
}

export function parseKeepAlive(value: unknown): KeepAlive {
  if (value === true) return { kind: 'always' };
  if (!isDict(value)) return { kind: 'none' };
  // NetworkState is "no longer implemented" (launchd.plist(5)), so it is dropped like an unknown key.
  const conditions: KeepAlive = {
    kind: 'conditions',
    pathState: boolMap(value.PathState),
    otherJobEnabled: boolMap(value.OtherJobEnabled),
    afterInitialDemand: value.AfterInitialDemand === true,
  };
  if (typeof value.SuccessfulExit === 'boolean') conditions.successfulExit = value.SuccessfulExit;
  if (typeof value.Crashed === 'boolean') conditions.crashed = value.Crashed;
  return conditions;
}

function programArguments(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

export function jobSpecFromPlist(plist: unknown): JobSpecResult {
  if (!isDict(plist)) return { ok: false, problem: 'missing-label' };
  const label = str(plist, 'Label');
  if (label === undefined || label === '') return { ok: false, problem: 'missing-label' };
  const program = str(plist, 'Program');
  const args = programArguments(plist.ProgramArguments);
  if (program === undefined && args === undefined) return { ok: false, problem: 'missing-program' };
  const env = isDict(plist.EnvironmentVariables) ? plist.EnvironmentVariables : {};
  const spec: JobSpec = {
    label,
    runAtLoad: bool(plist, 'RunAtLoad'),
    keepAlive: parseKeepAlive(plist.KeepAlive),
    throttleIntervalS: nonNegativeInt(plist, 'ThrottleInterval', DEFAULT_THROTTLE_INTERVAL_S),
    exitTimeOutS: nonNegativeInt(plist, 'ExitTimeOut', DEFAULT_EXIT_TIMEOUT_S),
    environmentVariables: Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    abandonProcessGroup: bool(plist, 'AbandonProcessGroup'),
    disabledByDefault: bool(plist, 'Disabled'),
  };
  if (program !== undefined) spec.program = program;
  if (args !== undefined) spec.programArguments = args;
  const optional = {
    workingDirectory: 'WorkingDirectory',
    standardOutPath: 'StandardOutPath',
    standardErrorPath: 'StandardErrorPath',
    processType: 'ProcessType',
  } as const;
  for (const [field, key] of Object.entries(optional) as Array<[keyof typeof optional, string]>) {
    const value = str(plist, key);
    if (value !== undefined) spec[field] = value;
  }
  return { ok: true, spec };
}

/** The program launchd prints and executes: `Program`, else the first argv element. */
export function programOf(spec: JobSpec): string {
  return spec.program ?? spec.programArguments?.[0] ?? '';
}

/** argv handed to the program: ProgramArguments, or just the program when only Program is set. */
export function argvOf(spec: JobSpec): string[] {
  return spec.programArguments ?? [programOf(spec)];
}
