// @ts-check
// The only argv the product writes into a plist is `gateway --port <port>` (ref §1, ProgramArguments).
// Anything else gets the commander-style error the real CLI prints, and exit 1 (ref §4 exit codes).

/**
 * @typedef {{ ok: true, rawPort: string | undefined }} ParsedArgs
 * @typedef {{ ok: false, message: string }} ArgsError
 */

/**
 * @param {string[]} args argv after the entry script
 * @returns {ParsedArgs | ArgsError}
 */
export function parseGatewayArgs(args) {
  const [command, ...rest] = args;
  if (command !== 'gateway') {
    return {
      ok: false,
      message:
        command === undefined
          ? 'Usage: openclaw gateway --port <port> (stub-gateway supports only this command)'
          : `error: unknown command '${command}'`,
    };
  }
  /** @type {string | undefined} */
  let rawPort;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = /** @type {string} */ (rest[i]);
    if (arg === '--port') {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) {
        return { ok: false, message: "error: option '--port <port>' argument missing" };
      }
      rawPort = value;
      i += 1;
    } else if (arg.startsWith('--port=')) {
      rawPort = arg.slice('--port='.length);
    } else if (arg.startsWith('-')) {
      return { ok: false, message: `error: unknown option '${arg}'` };
    } else {
      return { ok: false, message: `error: unknown command '${arg}'` };
    }
  }
  return { ok: true, rawPort };
}
