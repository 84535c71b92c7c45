// Single-instance rules (ref §4): the state-ownership lock, its contention exit 78, stale-lock takeover,
// and the exclusive TCP bind with its EADDRINUSE exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  getProbe,
  killAllStubs,
  makeStateDir,
  newToken,
  probeHealth,
  spawnStub,
  waitForHealthz,
  waitForReadyz,
} from '../../helpers/stub-gateway.ts';

const root = mkdtempSync(join(tmpdir(), 'ocf-stub-lock-'));
afterEach(killAllStubs);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const uid = process.getuid?.() ?? 501;
const lockPath = (stateDir: string) => join(stateDir, 'tmp', `openclaw-${uid}`, 'gateway.state.lock');
const readLock = (stateDir: string) => JSON.parse(readFileSync(lockPath(stateDir), 'utf8'));

/** A pid that certainly belonged to a process and certainly is dead now. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '']);
  return done.pid!;
}

describe('stub gateway state lock', () => {
  it('holds a JSON lock inside the state dir while running and removes it on a clean stop', async () => {
    const port = await freePort();
    const stateDir = makeStateDir(root, { port, token: newToken() });
    const stub = spawnStub(stateDir, port);
    await waitForHealthz(port);

    expect(readLock(stateDir)).toEqual({
      pid: stub.pid,
      ownerId: expect.any(String),
      createdAt: expect.any(String),
      configPath: join(stateDir, 'openclaw.json'),
      stateDir,
      port,
      startTime: expect.any(Number),
    });
    expect(statSync(lockPath(stateDir)).mode & 0o777).toBe(0o600);

    await stub.stop();
    expect(existsSync(lockPath(stateDir))).toBe(false);
  });

  it('makes a second gateway on the same state dir exit 78 after about 1 s, leaving the first alone', async () => {
    const [port, otherPort] = [await freePort(), await freePort()];
    const token = newToken();
    const stateDir = makeStateDir(root, { port, token });
    const first = spawnStub(stateDir, port);
    await waitForReadyz(port);

    const started = Date.now();
    const second = spawnStub(stateDir, otherPort);
    const exit = await second.waitForExit();
    const elapsed = Date.now() - started;

    expect(exit).toEqual({ code: 78, signal: null });
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(4000);
    const lines = second.stderr().trim().split('\n');
    expect(lines.at(-2)).toContain('[gateway] requires state migration.');
    expect(lines.at(-1)).toContain(
      'Gateway failed to start: Doctor could not enter maintenance. StateDatabaseCoordinatorContentionError: ' +
        'another OpenClaw process owns gateway-lifecycle',
    );
    expect(await getProbe(otherPort, '/healthz')).toBeNull();
    expect(readLock(stateDir).pid).toBe(first.pid);
    expect(await probeHealth(port, token)).toMatchObject({ ok: true });
  });

  it('takes over a stale lock whose owner pid is dead', async () => {
    const port = await freePort();
    const stateDir = makeStateDir(root, { port, token: newToken() });
    mkdirSync(dirname(lockPath(stateDir)), { recursive: true, mode: 0o700 });
    const stale = {
      pid: deadPid(),
      ownerId: 'crashed-owner',
      createdAt: new Date(0).toISOString(),
      configPath: '',
      stateDir,
      port,
      startTime: 0,
    };
    writeFileSync(lockPath(stateDir), JSON.stringify(stale));

    const stub = spawnStub(stateDir, port);
    await waitForReadyz(port);
    expect(readLock(stateDir)).toMatchObject({ pid: stub.pid });
    expect(readLock(stateDir).ownerId).not.toBe('crashed-owner');
  });
});

describe('stub gateway port binding', () => {
  let blocker: Server | null = null;
  afterEach(() => {
    blocker?.close();
    blocker = null;
  });

  it('exits 1 with the real EADDRINUSE lines when another process holds the port', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(port, '127.0.0.1', resolve));
    const stateDir = makeStateDir(root, { port, token: newToken() });

    const stub = spawnStub(stateDir, port);
    const exit = await stub.waitForExit();

    expect(exit).toEqual({ code: 1, signal: null });
    const stderr = stub.stderr();
    expect(stderr).toContain(
      `Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:${port} | ` +
        `listen EADDRINUSE: address already in use 127.0.0.1:${port} | EADDRINUSE`,
    );
    expect(stderr).toContain('If the gateway is supervised, stop it with: openclaw gateway stop');
    expect(stderr).toContain(`Port ${port} is already in use.`);
    // The owner line comes from lsof, as in the real gateway; without lsof it is simply absent.
    if (spawnSync('lsof', ['-v']).error === undefined) {
      expect(stderr).toMatch(
        new RegExp(` - pid ${process.pid} \\S+: \\S+ \\(127\\.0\\.0\\.1:${port}\\)$`, 'm'),
      );
    }
    expect(existsSync(lockPath(stateDir))).toBe(false);
  });
});
