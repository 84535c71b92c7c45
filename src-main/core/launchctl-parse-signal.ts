// launchd reports signals three ways: strsignal text with the number appended (`Killed: 9`), a SIG name in
// log lines (`exited due to SIGTERM`), and a raw wait(2) status in `list <label>`. Numbers are macOS numbers.

// macOS strsignal texts for the signals a supervised job realistically dies from, for a text that comes
// without its `: N` suffix (e.g. a simulator reusing the host's strsignal).
const STRSIGNAL_NUMBERS: Readonly<Record<string, number>> = {
  Hangup: 1,
  Interrupt: 2,
  Quit: 3,
  'Illegal instruction': 4,
  'Trace/BPT trap': 5,
  'Abort trap': 6,
  'Floating point exception': 8,
  Killed: 9,
  'Bus error': 10,
  'Segmentation fault': 11,
  'Bad system call': 12,
  'Broken pipe': 13,
  'Alarm clock': 14,
  Terminated: 15,
};

const SIGNAL_NAME_NUMBERS: Readonly<Record<string, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGEMT: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGBUS: 10,
  SIGSEGV: 11,
  SIGSYS: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGUSR1: 30,
  SIGUSR2: 31,
};

/** `Killed: 9` → 9; `Terminated` → 15; anything else → null. */
export function signalFromStrsignal(text: string): number | null {
  const numbered = /:\s*(\d+)\s*$/.exec(text);
  if (numbered) return Number(numbered[1]);
  return STRSIGNAL_NUMBERS[text.trim()] ?? null;
}

/** `SIGTERM` → 15; unknown names → null. */
export function signalFromName(name: string): number | null {
  return SIGNAL_NAME_NUMBERS[name.toUpperCase()] ?? null;
}
