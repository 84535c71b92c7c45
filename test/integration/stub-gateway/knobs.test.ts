// Fault knobs from <stateDir>/stub-gateway.json (test/stub-gateway/README.md), each checked for the
// observable behaviour of the real failure it stands in for.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  waitForHealthz,
  waitForReadyz,
  type StubKnobs,
} from '../../helpers/stub-gateway.ts';

const root = mkdtempSync(join(tmpdir(), 'ocf-stub-knobs-'));
afterEach(killAllStubs);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const uid = process.getuid?.() ?? 501;
const lockExists = (stateDir: string) =>
  existsSync(join(stateDir, 'tmp', `openclaw-${uid}`, 'gateway.state.lock'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stubWithKnobs(knobs: StubKnobs | Record<string, unknown>) {
  const port = await freePort();
  const token = newToken();
  const stateDir = makeStateDir(root, { port, token });
  setKnobs(stateDir, knobs);
  const stub = spawnStub(stateDir, port);
  return { port, token, stateDir, stub };
}

describe('stub gateway fault knobs', () => {
  it('exitAfterMs/exitCode: serves, then exits on its own with an uncaught-exception line', async () => {
    const { port, stateDir, stub } = await stubWithKnobs({ exitAfterMs: 600, exitCode: 1 });
    await waitForHealthz(port);
    expect(stub.exit()).toBeNull();
    expect(await stub.waitForExit()).toEqual({ code: 1, signal: null });
    expect(stub.stderr().trim().split('\n').at(-1)).toMatch(/ \[openclaw\] Uncaught exception: Error: /);
    expect(stub.stdout()).not.toContain('shutting down');
    expect(lockExists(stateDir)).toBe(false);
  });

  it('exitAfterMs with exitCode 0: exits 0 like a duplicate that leaves the healthy one in control', async () => {
    const { stub } = await stubWithKnobs({ exitAfterMs: 200, exitCode: 0 });
    expect(await stub.waitForExit()).toEqual({ code: 0, signal: null });
    expect(stub.stdout()).toContain(
      '[gateway] gateway already running under launchd; existing gateway is healthy, leaving it in control',
    );
  });

  it('listen:false: stays alive with the lock held but never opens its port', async () => {
    const { port, stateDir, stub } = await stubWithKnobs({ listen: false });
    await stub.waitForOutput('[gateway] starting HTTP server...');
    await sleep(400);
    expect(stub.exit()).toBeNull();
    expect(lockExists(stateDir)).toBe(true);
    expect(await getProbe(port, '/healthz')).toBeNull();
    expect(await stub.stop()).toEqual({ code: 0, signal: null });
  });

  it('closePortAfterMs: stops listening but keeps running', async () => {
    const { port, token, stub } = await stubWithKnobs({ closePortAfterMs: 500 });
    await waitForReadyz(port);
    expect(await probeHealth(port, token)).toMatchObject({ ok: true });
    await sleep(600);
    expect(await getProbe(port, '/healthz')).toBeNull();
    expect(await probeHealth(port, token)).toEqual({ ok: false, code: 'ECONNREFUSED' });
    expect(stub.exit()).toBeNull();
    expect(await stub.stop()).toEqual({ code: 0, signal: null });
  });

  it('freezeAfterMs/freezeForMs: the port stays open but /healthz goes unanswered until the freeze ends', async () => {
    const { port, stub } = await stubWithKnobs({ freezeAfterMs: 800, freezeForMs: 1500 });
    await waitForReadyz(port);
    await stub.waitForOutput('freezeAfterMs=800');
    const frozenAt = Date.now();
    // getProbe gives up after 1 s: the request was accepted by the kernel, never answered.
    expect(await getProbe(port, '/healthz')).toBeNull();
    expect(stub.exit()).toBeNull();
    await sleep(Math.max(0, frozenAt + 1700 - Date.now()));
    expect((await getProbe(port, '/healthz'))?.status).toBe(200);
    expect(await stub.stop()).toEqual({ code: 0, signal: null });
  });

  it('startDelayMs: holds the lock at once, binds only after the delay', async () => {
    const { port, stateDir, stub } = await stubWithKnobs({ startDelayMs: 800 });
    await stub.waitForOutput('[gateway] starting HTTP server...');
    expect(lockExists(stateDir)).toBe(true);
    expect(await getProbe(port, '/healthz')).toBeNull();
    await waitForHealthz(port, 3000);
    expect(stub.stdout()).toMatch(/http server listening \(0 plugins; (0\.[89]|1\.\d)s\)/);
  });

  it('crashSignal: dies by the signal with no shutdown line and leaves a stale lock the next start takes over', async () => {
    const { port, token, stateDir, stub } = await stubWithKnobs({
      crashSignal: 'SIGSEGV',
      crashAfterMs: 300,
    });
    await waitForHealthz(port);
    expect(await stub.waitForExit()).toEqual({ code: null, signal: 'SIGSEGV' });
    expect(stub.output()).not.toMatch(/shutting down|completed cleanly/);
    expect(lockExists(stateDir)).toBe(true);

    setKnobs(stateDir, {});
    const next = spawnStub(stateDir, port);
    await waitForReadyz(port);
    expect(await probeHealth(port, token)).toMatchObject({ ok: true });
    expect(next.exit()).toBeNull();
  });

  it('ignoreSigterm: logs the stop request, keeps serving as draining, and only SIGKILL ends it', async () => {
    const { port, stub } = await stubWithKnobs({ ignoreSigterm: true });
    await waitForReadyz(port);
    stub.child.kill('SIGTERM');
    await stub.waitForOutput('[gateway] received SIGTERM; shutting down');
    stub.child.kill('SIGTERM');
    await stub.waitForOutput('[gateway] received SIGTERM during shutdown; ignoring');
    await sleep(300);

    expect(stub.exit()).toBeNull();
    expect((await getProbe(port, '/healthz'))?.status).toBe(200);
    const startup = await getProbe(port, '/startupz');
    expect(startup?.status).toBe(503);
    expect(JSON.parse(startup!.body)).toMatchObject({ status: 'draining' });
    expect(await stub.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('warns about unknown knobs and ignores them; the token always comes from openclaw.json', async () => {
    const knobToken = newToken();
    const { port, token, stub } = await stubWithKnobs({ token: knobToken, exitAfterMs: 'soon' });
    await waitForReadyz(port);
    expect(stub.stderr()).toContain('[stub-gateway] ignoring unknown knob "token"');
    expect(stub.stderr()).toContain('[stub-gateway] ignoring knob "exitAfterMs"');
    expect(await probeHealth(port, knobToken)).toEqual({ ok: false, code: 'AUTH_TOKEN_MISMATCH' });
    expect(await probeHealth(port, token)).toMatchObject({ ok: true });
  });

  it('reads the knobs again at each start', async () => {
    const { port, stateDir, stub } = await stubWithKnobs({});
    await waitForHealthz(port);
    setKnobs(stateDir, { exitAfterMs: 100, exitCode: 3 });
    await sleep(200);
    expect(stub.exit()).toBeNull();
    await stub.stop();

    const restarted = spawnStub(stateDir, port);
    expect(await restarted.waitForExit()).toEqual({ code: 3, signal: null });
  });
});
