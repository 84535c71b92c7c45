// Where the CLI writes and what it knows about its terminal. Commands get this instead of touching
// process.stdout, so tests run them in-process and capture every byte they print.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal: tables, progress and colour are allowed. */
  isTTY: boolean;
  /** Colour only on a TTY and never with NO_COLOR (https://no-color.org). */
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIo(): CliIo {
  const isTTY = process.stdout.isTTY === true;
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTTY,
    color: isTTY && !('NO_COLOR' in process.env),
    env: process.env,
    cwd: process.cwd(),
  };
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

export function paint(io: Pick<CliIo, 'color'>, style: Style, text: string): string {
  return io.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}
