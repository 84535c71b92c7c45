// The line that explains why a gateway stopped, chosen the way the OpenClaw CLI chooses `lastError`
// (`readLastGatewayErrorLine`, openclaw-gateway.md §7): the newest line matching a known failure
// pattern in the last 256 KiB of the launchd log, else the newest non-empty line.
export const LOG_TAIL_BYTES = 256 * 1024;

const FAILURE_PATTERNS: readonly RegExp[] = [
  /ENOSPC/i,
  /no space left on device/i,
  /refusing to bind gateway/i,
  /gateway auth mode/i,
  /gateway start blocked/i,
  /failed to bind gateway socket/i,
  /tailscale .* requires/i,
];

export function lastErrorLine(logTail: string): string | null {
  const lines = logTail.split(/\r?\n/).map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (FAILURE_PATTERNS.some((p) => p.test(line))) return line;
  }
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i] !== '') return lines[i]!;
  return null;
}

/** The last `count` non-empty lines, oldest first. */
export function lastLines(logTail: string, count: number): string[] {
  return logTail
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-count);
}
