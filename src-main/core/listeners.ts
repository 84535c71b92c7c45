// TCP listeners as `lsof -nP -iTCP -sTCP:LISTEN -Fpcn` reports them: one bulk call answers "who
// listens on which port" for the whole fleet, so the cost per check does not grow with its size.

export interface Listener {
  pid: number;
  /** Process name as lsof shows it (macOS cuts it; the gateway shows as `openclaw-gatewa`). */
  command: string;
  port: number;
  address: string;
}

/** Parses lsof's field output (`-F pcn`): `p<pid>` starts a process, `c` and `n` belong to it. */
export function parseLsofListeners(output: string): Listener[] {
  const listeners: Listener[] = [];
  let pid: number | null = null;
  let command = '';
  for (const line of output.split('\n')) {
    const field = line[0];
    const value = line.slice(1);
    if (field === 'p') {
      pid = /^\d+$/.test(value) ? Number(value) : null;
      command = '';
    } else if (field === 'c') {
      command = value;
    } else if (field === 'n' && pid !== null) {
      const parsed = parseAddress(value);
      if (parsed !== null) listeners.push({ pid, command, ...parsed });
    }
  }
  return listeners;
}

function parseAddress(name: string): { address: string; port: number } | null {
  // `127.0.0.1:18789`, `[::1]:18789`, `*:18789`; a `->` would be a connection, not a listener.
  const match = /^(.*):(\d{1,5})$/.exec(name);
  if (match === null || name.includes('->')) return null;
  const [, address = '', port = ''] = match;
  return { address: address.replace(/^\[(.*)\]$/, '$1'), port: Number(port) };
}

/** Listeners grouped by port, each port's pids unique. */
export function listenersByPort(listeners: readonly Listener[]): Map<number, Listener[]> {
  const byPort = new Map<number, Listener[]>();
  for (const l of listeners) {
    const list = byPort.get(l.port) ?? [];
    if (!list.some((x) => x.pid === l.pid)) list.push(l);
    byPort.set(l.port, list);
  }
  return byPort;
}
