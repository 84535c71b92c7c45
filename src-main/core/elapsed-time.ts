// `ps -o etime=` prints elapsed time as [[dd-]hh:]mm:ss on macOS and Linux alike.
export function parseElapsed(text: string): number | null {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)$/.exec(text.trim());
  if (match === null) return null;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

/** Rows of `ps -o pid=,etime= -p <pids>` as pid -> seconds alive. */
export function parsePsElapsed(output: string): Map<number, number> {
  const ages = new Map<number, number>();
  for (const line of output.split('\n')) {
    const [pid, elapsed] = line.trim().split(/\s+/);
    const seconds = elapsed === undefined ? null : parseElapsed(elapsed);
    if (pid !== undefined && /^\d+$/.test(pid) && seconds !== null) ages.set(Number(pid), seconds);
  }
  return ages;
}
