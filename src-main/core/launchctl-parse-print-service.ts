// Parser for `launchctl print <service-target>` (docs/reference/launchd.md §5.1–§5.3). Only top-level fields
// are read: `state`, `pid` and `path` reappear inside endpoint and trigger blocks and must not leak out.
import type { LastExit, LaunchdState, ServiceStatus } from './launchd-status.ts';
import { signalFromStrsignal } from './launchctl-parse-signal.ts';
import {
  arrowEntries,
  blockLines,
  fieldValue,
  findBlock,
  leadingCount,
  parsePrintTree,
} from './launchctl-parse-tree.ts';

/** Everything the service print carries that the product uses; null where the output has no such line. */
export interface ServicePrint {
  /** `gui/501/com.example.agent` (Ventura+) or the bare label (≤ Mojave); null for fragments. */
  target: string | null;
  /** `LaunchAgent`, `XPCService`, `Submitted`, … (Ventura+ only). */
  type: string | null;
  state: LaunchdState | null;
  pid: number | null;
  runs: number | null;
  lastExit: LastExit;
  /** Raw `last terminating signal` or `last exit code` value, e.g. `Killed: 9`, `78: EX_CONFIG`. */
  lastExitText: string | null;
  plistPath: string | null;
  program: string | null;
  arguments: string[];
  environment: Record<string, string>;
  /** Shown only when the plist sets WorkingDirectory / StandardOutPath / StandardErrorPath. */
  workingDirectory: string | null;
  stdoutPath: string | null;
  stderrPath: string | null;
  domain: string | null;
  exitTimeoutSeconds: number | null;
  minimumRuntimeSeconds: number | null;
  properties: string[];
}

/** A fresh "never exited" value (results are plain data the caller may keep and change). */
export function neverExited(): LastExit {
  return { code: null, signal: null };
}

export function parseServicePrint(text: string): ServicePrint {
  const { target, nodes } = parsePrintTree(text);
  const exitCodeText = fieldValue(nodes, 'last exit code');
  const signalText = fieldValue(nodes, 'last terminating signal');
  const properties = fieldValue(nodes, 'properties');
  return {
    target,
    type: fieldValue(nodes, 'type'),
    state: fieldValue(nodes, 'state'),
    pid: leadingCount(fieldValue(nodes, 'pid')),
    runs: leadingCount(fieldValue(nodes, 'runs')),
    lastExit: lastExitFrom(exitCodeText, signalText),
    lastExitText: signalText ?? exitCodeText,
    plistPath: fieldValue(nodes, 'path'),
    program: fieldValue(nodes, 'program'),
    arguments: blockLines(findBlock(nodes, 'arguments')),
    environment: Object.fromEntries(arrowEntries(findBlock(nodes, 'environment'))),
    workingDirectory: fieldValue(nodes, 'working directory'),
    stdoutPath: fieldValue(nodes, 'stdout path'),
    stderrPath: fieldValue(nodes, 'stderr path'),
    domain: fieldValue(nodes, 'domain'),
    exitTimeoutSeconds: leadingCount(fieldValue(nodes, 'exit timeout')),
    minimumRuntimeSeconds: leadingCount(fieldValue(nodes, 'minimum runtime')),
    properties: properties === null ? [] : splitPrintProperties(properties),
  };
}

/**
 * `(never exited)` → null; `0`, `78: EX_CONFIG` and the paraphrase `78 (EX_CONFIG)` → the leading integer.
 * Any `: text` after the number is release-dependent decoration and ignored.
 */
export function exitCodeFromPrint(value: string): number | null {
  const match = /^(-?\d+)/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

function lastExitFrom(exitCodeText: string | null, signalText: string | null): LastExit {
  // When the previous instance died from a signal launchd prints the signal line and no exit code line.
  const signal = signalText === null ? null : signalFromStrsignal(signalText);
  if (signal !== null) return { code: null, signal };
  if (exitCodeText === null) return neverExited();
  return { code: exitCodeFromPrint(exitCodeText), signal: null };
}

// States launchd shows while it tears an instance down after a bootout (launchd.md §4.1). The label stays
// registered until the process is gone, so a bootstrap in this window is refused although it will succeed soon.
const TEARDOWN_STATES: ReadonlySet<string> = new Set(['SIGTERMed', 'SIGKILLed']);

export function isBeingTornDown(state: LaunchdState | null): boolean {
  return state !== null && TEARDOWN_STATES.has(state);
}

/** `keepalive | runatload | inferred program` → its flags; an empty value → []. */
export function splitPrintProperties(value: string): string[] {
  return value
    .split('|')
    .map((flag) => flag.trim())
    .filter((flag) => flag !== '');
}

/**
 * The product's view of a parsed print. Null when the text has no `state` line: exit 0 with such output is
 * not a service print the adapter can trust (wrong target, or a future format).
 */
export function serviceStatusFromPrint(print: ServicePrint, label: string): ServiceStatus | null {
  if (print.state === null) return null;
  return {
    label,
    loaded: true,
    state: print.state,
    pid: print.pid,
    runs: print.runs,
    lastExit: print.lastExit,
    plistPath: print.plistPath,
    program: print.program,
    arguments: print.arguments,
    environment: print.environment,
    workingDirectory: print.workingDirectory,
    stdoutPath: print.stdoutPath,
    stderrPath: print.stderrPath,
    exitTimeoutSeconds: print.exitTimeoutSeconds,
    minimumRuntimeSeconds: print.minimumRuntimeSeconds,
    properties: print.properties,
  };
}
