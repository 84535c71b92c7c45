import { describe, expect, it } from 'vitest';
import { listenersByPort, parseLsofListeners } from '../../../src-main/core/listeners.ts';

// Shape of `lsof -nP -iTCP -sTCP:LISTEN -Fpcn` on macOS and Linux: p/c/n fields, one per line;
// some lsof builds add `f<fd>` lines, which carry nothing we need.
const OUTPUT = [
  'p812',
  'copenclaw-gatewa',
  'f23',
  'n127.0.0.1:18789',
  'f24',
  'n[::1]:18789',
  'p97',
  'cpython3',
  'n*:18909',
  '',
].join('\n');

describe('parseLsofListeners', () => {
  it('reads pid, command, address and port of every listener', () => {
    expect(parseLsofListeners(OUTPUT)).toEqual([
      { pid: 812, command: 'openclaw-gatewa', address: '127.0.0.1', port: 18789 },
      { pid: 812, command: 'openclaw-gatewa', address: '::1', port: 18789 },
      { pid: 97, command: 'python3', address: '*', port: 18909 },
    ]);
  });

  it('ignores connections and names without a port', () => {
    expect(parseLsofListeners('p1\ncx\nn127.0.0.1:5->127.0.0.1:6\nnlocalhost\n')).toEqual([]);
  });

  it('groups by port with each pid once', () => {
    const byPort = listenersByPort(parseLsofListeners(OUTPUT));
    expect(byPort.get(18789)?.map((l) => l.pid)).toEqual([812]);
    expect(byPort.get(18909)?.map((l) => l.command)).toEqual(['python3']);
    expect(byPort.has(1)).toBe(false);
  });
});
