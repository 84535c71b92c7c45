// The name of a process as `ps -o comm= -p <pid>` reports it, reduced to what lsof's `c` field and
// Linux show: the bare executable name. macOS ps prints `comm` as the full path of the executable
// (`/sbin/launchd`, `/opt/homebrew/Cellar/node/24.1.0/bin/node`) or argv[0] as given (`-zsh`), where
// Linux procps prints the 15-character kernel name (`node`). Sources: the macOS ps(1) man page (`-c`
// "just the executable name, rather than the full command"), ps output quoted in
// github.com/profesorfalken/jProcesses/pull/4 and github.com/fujibee/agmsg/pull/771.

/** The bare name from one `ps -o comm=` answer; null when ps printed nothing. */
export function commandNameFromPs(output: string): string | null {
  const line = output.split('\n').find((l) => l.trim() !== '');
  if (line === undefined) return null;
  // Split on `/` only: a macOS path may hold spaces (`.../Application Support/...`).
  const name = line.trim().split('/').pop() ?? '';
  return name === '' ? null : name;
}
