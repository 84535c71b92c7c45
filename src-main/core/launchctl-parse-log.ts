// Facts from launchd's own log lines (launchd.log, unified log, old system.log), for diagnosing a job that
// flaps: the state walk, SIGTERM → cleanup window, and respawn throttling (docs/reference/launchd.md §4).
// Line prefixes differ by release; what is common is a subject in parentheses or `[…:]` naming the domain or
// service, optionally followed by ` [<pid>]`, then the message.
import { signalFromName, signalFromStrsignal } from './launchctl-parse-signal.ts';

export type LaunchdLogFact =
  | { kind: 'state'; state: string }
  | { kind: 'pending-spawn'; label: string }
  | { kind: 'spawned'; spawnedPid: number }
  | { kind: 'signaled'; signal: number | null }
  | { kind: 'cleanup-scheduled'; delaySeconds: number }
  | { kind: 'exited'; code: number | null; signal: number | null }
  | { kind: 'throttled'; ranSeconds: number; respawnDelaySeconds: number }
  | { kind: 'bootout-initiated' }
  | { kind: 'bootstrap-started' }
  | { kind: 'bootstrap-succeeded'; path: string };

export interface LogSubject {
  /** Time of day as printed (`14:56:43.145942`), or null. */
  time: string | null;
  /** `system/org.nixos.nix-daemon`, `gui/501`, or a bare label; null when the line names none. */
  target: string | null;
  /** PID of the service instance; null for domain subjects, whose bracketed number is an audit session. */
  pid: number | null;
}

export type LaunchdLogEvent = LogSubject & LaunchdLogFact;

// `(system/org.nixos.nix-daemon [2512])`, `(com.example.job[4242])` (system.log), `[gui/501/x [28431]:]`.
const SUBJECT = /\(([^\s()[\]]+)(?: ?\[(\d+)\])?\)|\[([^\s[\]]+)(?: ?\[(\d+)\])?:\]/;
const TIME = /(\d\d:\d\d:\d\d(?:\.\d+)?)/;

type FactReader = (match: RegExpExecArray) => LaunchdLogFact;

const FACTS: ReadonlyArray<readonly [RegExp, FactReader]> = [
  [/service state: (.+?)\s*$/, (m) => ({ kind: 'state', state: m[1] as string })],
  [
    /pending spawn, domain in on-demand-only mode: (\S+)/,
    (m) => ({ kind: 'pending-spawn', label: m[1] as string }),
  ],
  [
    /(?:xpcproxy spawned with pid |Successfully spawned \S+?\[)(\d+)/,
    (m) => ({ kind: 'spawned', spawnedPid: Number(m[1]) }),
  ],
  [
    /signaled service: ([A-Za-z/ ]+: \d+)/,
    (m) => ({ kind: 'signaled', signal: signalFromStrsignal(m[1] as string) }),
  ],
  [/scheduling cleanup in (\d+) sec/, (m) => ({ kind: 'cleanup-scheduled', delaySeconds: Number(m[1]) })],
  [
    /exited due to (SIG[A-Z0-9]+)/,
    (m) => ({ kind: 'exited', code: null, signal: signalFromName(m[1] as string) }),
  ],
  [/exited with (?:abnormal )?code: (\d+)/, (m) => ({ kind: 'exited', code: Number(m[1]), signal: null })],
  [
    /Service only ran for (\d+) seconds?\. Pushing respawn out by (\d+) seconds?\./,
    (m) => ({ kind: 'throttled', ranSeconds: Number(m[1]), respawnDelaySeconds: Number(m[2]) }),
  ],
  [/bootout initiated by/, () => ({ kind: 'bootout-initiated' })],
  [/entering bootstrap/, () => ({ kind: 'bootstrap-started' })],
  [/Bootstrap by \S+ for (\S+) succeeded/, (m) => ({ kind: 'bootstrap-succeeded', path: m[1] as string })],
];

/** Every recognised fact, in line order; a line may carry several (`signaled … scheduling cleanup …`). */
export function parseLaunchdLog(text: string): LaunchdLogEvent[] {
  const events: LaunchdLogEvent[] = [];
  for (const line of text.split(/\r?\n/)) {
    const subject = SUBJECT.exec(line);
    const prefix = subject ? line.slice(0, subject.index) : line;
    const message = subject ? line.slice(subject.index + subject[0].length) : line;
    const target = subject ? ((subject[1] ?? subject[3]) as string) : null;
    const bracketed = subject ? (subject[2] ?? subject[4]) : undefined;
    const base: LogSubject = {
      time: TIME.exec(prefix)?.[1] ?? null,
      target,
      pid: target !== null && bracketed !== undefined && !isDomainTarget(target) ? Number(bracketed) : null,
    };
    for (const [pattern, read] of FACTS) {
      const match = pattern.exec(message);
      if (match) events.push({ ...base, ...read(match) });
    }
  }
  return events;
}

function isDomainTarget(target: string): boolean {
  return target === 'system' || /^(?:gui|user|login|pid)\/\d+$/.test(target);
}

/** `14:56:43.145942` → seconds since midnight, for measuring windows between lines of one excerpt. */
export function secondsOfDay(time: string): number {
  const [hours, minutes, seconds] = time.split(':').map(Number);
  return (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0);
}
