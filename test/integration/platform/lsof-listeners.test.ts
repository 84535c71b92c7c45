import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { scanListeners } from '../../../src-main/platform/lsof-listeners.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(): Promise<number> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

describe('scanListeners (real lsof)', () => {
  it('finds this process listening on a loopback port', async () => {
    const port = await listen();
    const scan = await scanListeners();
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    const mine = scan.listeners.filter((l) => l.port === port);
    expect(mine).toEqual([{ pid: process.pid, command: expect.any(String), address: '127.0.0.1', port }]);
  });

  it('no longer lists a port after it closes', async () => {
    const port = await listen();
    await new Promise((r) => servers.pop()?.close(r));
    const scan = await scanListeners();
    expect(scan.ok && scan.listeners.some((l) => l.port === port)).toBe(false);
  });

  it('says how to install lsof when it is missing', async () => {
    const scan = await scanListeners({ lsofPath: '/nonexistent/lsof' });
    expect(scan).toEqual({ ok: false, message: expect.stringContaining('install it') });
  });
});
