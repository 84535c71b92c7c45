// Process lifecycle: clean stops on SIGTERM/SIGINT (ref §4 exit codes, §7 log lines), the process title,
// and the rule that the token never reaches the log.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  getProbe,
  killAllStubs,
  makeStateDir,
  newToken,
  probeHealth,
  setKnobs,
  spawnStub,
  waitForReadyz,
} from '../../helpers/stub-gateway.ts';
import { handshake } from './gateway-socket.ts';

const root = mkdtempSync(join(tmpdir(), 'ocf-stub-life-'));
afterEach(killAllStubs);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function startReady(token = newToken()) {
  const port = await freePort();
  const stateDir = makeStateDir(root, { port, token });
  const stub = spawnStub(stateDir, port);
  await waitForReadyz(port);
  return { port, stateDir, stub, token };
}

describe('stub gateway lifecycle', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops cleanly on %s: real log lines, exit 0, port closed',
    async (signal) => {
      const { port, stub } = await startReady();
      expect(await stub.stop(signal)).toEqual({ code: 0, signal: null });

      const tail = stub.stdout().trim().split('\n').slice(-3);
      expect(tail[0]).toMatch(new RegExp(`\\[gateway\\] signal ${signal} received$`));
      expect(tail[1]).toMatch(new RegExp(`\\[gateway\\] received ${signal}; shutting down$`));
      expect(tail[2]).toMatch(/\[shutdown\] completed cleanly in \d+ms$/);
      expect(await getProbe(port, '/healthz')).toBeNull();
    },
  );

  it('closes connected WebSocket clients when it stops', async () => {
    const { port, stub, token } = await startReady();
    const { socket, reply } = await handshake(port, { token });
    expect(reply.ok).toBe(true);

    const exit = stub.stop();
    expect((await socket.closed).code).toBe(1001);
    expect(await exit).toEqual({ code: 0, signal: null });
  });

  it('sets the process title to openclaw-gateway', async () => {
    const { stub } = await startReady();
    const args = execFileSync('ps', ['-o', 'args=', '-p', String(stub.pid)], { encoding: 'utf8' }).trim();
    expect(args).toMatch(/^openclaw-gateway/);
  });

  it('never writes the token to stdout or stderr', async () => {
    const token = newToken();
    const { port, stateDir, stub } = await startReady(token);
    // Exercise every path that handles the token: good and bad connects, methods, a refused second start.
    expect(await probeHealth(port, token)).toMatchObject({ ok: true });
    expect(await probeHealth(port, `${token}x`)).toMatchObject({ ok: false });
    const { socket } = await handshake(port, { token });
    await socket.request('s', 'status');
    socket.close();
    const second = spawnStub(stateDir, await freePort());
    await second.waitForExit();
    await stub.stop();

    setKnobs(stateDir, { exitAfterMs: 200, token });
    const third = spawnStub(stateDir, port);
    await third.waitForExit();

    for (const output of [stub.output(), second.output(), third.output()]) {
      expect(output.length).toBeGreaterThan(0);
      expect(output).not.toContain(token);
    }
  });
});
