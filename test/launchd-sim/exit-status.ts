// How launchd renders the end of a job instance. The simulator runs on Linux but prints macOS
// numbers and texts, so signal names (not Linux numbers) are the currency between modules.

export type ExitOutcome = { kind: 'exited'; code: number } | { kind: 'signaled'; signal: string };

// macOS <sys/signal.h> numbering and the text of macOS strsignal(3) (which appends ": <n>").
const MACOS_SIGNALS: ReadonlyArray<readonly [string, number, string]> = [
  ['SIGHUP', 1, 'Hangup'],
  ['SIGINT', 2, 'Interrupt'],
  ['SIGQUIT', 3, 'Quit'],
  ['SIGILL', 4, 'Illegal instruction'],
  ['SIGTRAP', 5, 'Trace/BPT trap'],
  ['SIGABRT', 6, 'Abort trap'],
  ['SIGEMT', 7, 'EMT trap'],
  ['SIGFPE', 8, 'Floating point exception'],
  ['SIGKILL', 9, 'Killed'],
  ['SIGBUS', 10, 'Bus error'],
  ['SIGSEGV', 11, 'Segmentation fault'],
  ['SIGSYS', 12, 'Bad system call'],
  ['SIGPIPE', 13, 'Broken pipe'],
  ['SIGALRM', 14, 'Alarm clock'],
  ['SIGTERM', 15, 'Terminated'],
  ['SIGURG', 16, 'Urgent I/O condition'],
  ['SIGSTOP', 17, 'Suspended (signal)'],
  ['SIGTSTP', 18, 'Suspended'],
  ['SIGCONT', 19, 'Continued'],
  ['SIGCHLD', 20, 'Child exited'],
  ['SIGTTIN', 21, 'Stopped (tty input)'],
  ['SIGTTOU', 22, 'Stopped (tty output)'],
  ['SIGIO', 23, 'I/O possible'],
  ['SIGXCPU', 24, 'Cputime limit exceeded'],
  ['SIGXFSZ', 25, 'Filesize limit exceeded'],
  ['SIGVTALRM', 26, 'Virtual timer expired'],
  ['SIGPROF', 27, 'Profiling timer expired'],
  ['SIGWINCH', 28, 'Window size changes'],
  ['SIGINFO', 29, 'Information request'],
  ['SIGUSR1', 30, 'User defined signal 1'],
  ['SIGUSR2', 31, 'User defined signal 2'],
];

const BY_NAME = new Map(MACOS_SIGNALS.map(([name, num, text]) => [name, { num, text }]));
const BY_NUMBER = new Map(MACOS_SIGNALS.map(([name, num, text]) => [num, { name, text }]));

// Linux-only signals have no macOS number; launchd could never report them, so they are shown in
// the same "unknown" shape macOS strsignal uses, keyed by a number outside the macOS range.
const LINUX_ONLY_NUMBERS: Readonly<Record<string, number>> = { SIGSTKFLT: 116, SIGPWR: 130 };

export function macosSignalNumber(signal: string): number {
  return BY_NAME.get(signal)?.num ?? LINUX_ONLY_NUMBERS[signal] ?? 0;
}

export function signalNameForMacosNumber(num: number): string | undefined {
  return BY_NUMBER.get(num)?.name;
}

/** macOS strsignal(3): `Killed: 9`, `Terminated: 15`, `Unknown signal: 116`. */
export function strsignal(signal: string): string {
  const known = BY_NAME.get(signal);
  return known ? `${known.text}: ${known.num}` : `Unknown signal: ${macosSignalNumber(signal)}`;
}

// Signals that launchd's KeepAlive `Crashed` condition treats as a crash (launchd 842 job_reap).
const CRASH_SIGNALS = new Set(['SIGILL', 'SIGABRT', 'SIGFPE', 'SIGBUS', 'SIGSEGV', 'SIGSYS', 'SIGTRAP']);

export function isCrash(outcome: ExitOutcome): boolean {
  return outcome.kind === 'signaled' && CRASH_SIGNALS.has(outcome.signal);
}

const SYSEXITS: Readonly<Record<number, string>> = {
  64: 'EX_USAGE',
  65: 'EX_DATAERR',
  66: 'EX_NOINPUT',
  67: 'EX_NOUSER',
  68: 'EX_NOHOST',
  69: 'EX_UNAVAILABLE',
  70: 'EX_SOFTWARE',
  71: 'EX_OSERR',
  72: 'EX_OSFILE',
  73: 'EX_CANTCREAT',
  74: 'EX_IOERR',
  75: 'EX_TEMPFAIL',
  76: 'EX_PROTOCOL',
  77: 'EX_NOPERM',
  78: 'EX_CONFIG',
};

/** The exit code launchd records when it cannot exec the job at all. */
export const SPAWN_FAILURE_EXIT_CODE = 78;

/**
 * The `print` line describing the previous instance: `last exit code = …` for a normal exit (or
 * none yet), `last terminating signal = …` for a signal death, which then has no exit-code line.
 */
export function lastExitLine(outcome: ExitOutcome | null): { key: string; value: string } {
  if (outcome === null) return { key: 'last exit code', value: '(never exited)' };
  if (outcome.kind === 'signaled')
    return { key: 'last terminating signal', value: strsignal(outcome.signal) };
  const name = SYSEXITS[outcome.code];
  return { key: 'last exit code', value: name ? `${outcome.code}: ${name}` : String(outcome.code) };
}

/** wait(2) status as `list <label>` exports it: exit N → N×256, signal S → S. */
export function rawWaitStatus(outcome: ExitOutcome): number {
  return outcome.kind === 'exited' ? (outcome.code & 0xff) * 256 : macosSignalNumber(outcome.signal);
}

/** `list` status column: exit code, `-N` for signal N, `0` when the job never exited. */
export function listStatusColumn(outcome: ExitOutcome | null): string {
  if (outcome === null) return '0';
  return outcome.kind === 'exited' ? String(outcome.code) : `-${macosSignalNumber(outcome.signal)}`;
}

/** Last-exit column of the `services` table in `print <domain>`: `-` when never exited. */
export function domainServicesExitColumn(outcome: ExitOutcome | null): string {
  return outcome === null ? '-' : listStatusColumn(outcome);
}
