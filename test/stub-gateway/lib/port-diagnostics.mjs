// @ts-check
// Who holds the port, for the `- pid <pid> <user>: <command> (<address>)` lines the real gateway prints
// after an EADDRINUSE failure (ref §4). Like the real one it asks lsof; without lsof it prints no owners.
import { spawnSync } from 'node:child_process';

/**
 * @param {number} port
 * @returns {{ pid: number, user: string, command: string, address: string }[]}
 */
export function findPortListeners(port) {
  const result = spawnSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-FpcLn'], {
    encoding: 'utf8',
    timeout: 2000,
  });
  if (result.error || typeof result.stdout !== 'string') return [];
  /** @type {{ pid: number, user: string, command: string, address: string }[]} */
  const listeners = [];
  /** @type {{ pid: number, user: string, command: string }} */
  let current = { pid: 0, user: '?', command: '?' };
  // lsof -F output: one field per line, the first character names the field (p pid, c command,
  // L login, n address); a new `p` starts a new process.
  for (const line of result.stdout.split('\n')) {
    const field = line[0];
    const value = line.slice(1);
    if (field === 'p') current = { pid: Number(value), user: '?', command: '?' };
    else if (field === 'c') current.command = value;
    else if (field === 'L') current.user = value;
    else if (field === 'n') listeners.push({ ...current, address: value });
  }
  return listeners;
}
