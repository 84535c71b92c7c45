// @ts-check
// Console lines shaped like the real gateway's: `<local ISO time with offset> [subsystem] message`,
// info to stdout and warnings/errors to stderr. Under launchd both land in the same log file (ref §1),
// and continuation lines of a multi-line error carry no timestamp, as in captured real logs.

/** @param {Date} date */
export function formatTimestamp(date) {
  /** @param {number} n @param {number} [width] */
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * @typedef {object} ConsoleLog
 * @property {(subsystem: string | null, message: string) => void} info
 * @property {(subsystem: string | null, message: string) => void} warn
 * @property {(subsystem: string | null, message: string) => void} error
 * @property {(secret: string) => void} redact Never print this value, whatever line it ends up in.
 * @property {(code: number) => void} flushAndExit Exit once everything written so far has reached the fds.
 */

/** @returns {ConsoleLog} */
export function createConsoleLog() {
  /** @type {Set<string>} */
  const secrets = new Set();

  /** @param {NodeJS.WriteStream} stream @param {string | null} subsystem @param {string} message */
  function write(stream, subsystem, message) {
    let text = subsystem ? `[${subsystem}] ${message}` : message;
    // Belt and braces: no code path passes the token to the logger, but a leak here would end up in
    // a world-readable launchd log, so scrub anyway.
    for (const secret of secrets) text = text.split(secret).join('***');
    stream.write(`${formatTimestamp(new Date())} ${text}\n`);
  }

  return {
    info: (subsystem, message) => write(process.stdout, subsystem, message),
    warn: (subsystem, message) => write(process.stderr, subsystem, message),
    error: (subsystem, message) => write(process.stderr, subsystem, message),
    redact: (secret) => {
      if (secret) secrets.add(secret);
    },
    flushAndExit: (code) => {
      // Pipes can be asynchronous (macOS); an empty write's callback fires after everything queued before it.
      let pending = 2;
      const done = () => {
        pending -= 1;
        if (pending === 0) process.exit(code);
      };
      process.stdout.write('', done);
      process.stderr.write('', done);
    },
  };
}
