// Startup: argv, config location and format, port precedence, and the refusals with their exit codes
// and exact messages (ref §2, §3, §4 exit codes).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  spawnStub,
  waitForHealthz,
  waitForReadyz,
} from '../../helpers/stub-gateway.ts';

const root = mkdtempSync(join(tmpdir(), 'ocf-stub-start-'));
afterEach(killAllStubs);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every console line carries the real prefix: local ISO time with milliseconds and UTC offset. */
const TIMESTAMP = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d`;

async function runToExit(
  stateDir: string,
  port: number | null = 1,
  options: Parameters<typeof spawnStub>[2] = {},
) {
  const stub = spawnStub(stateDir, port, options);
  const exit = await stub.waitForExit();
  return { exit, stub };
}

describe('stub gateway startup refusals', () => {
  it('exits 78 with the real message when openclaw.json is missing', async () => {
    const stateDir = mkdtempSync(join(root, 'empty-'));
    const { exit, stub } = await runToExit(stateDir);
    expect(exit).toEqual({ code: 78, signal: null });
    expect(stub.stderr()).toMatch(
      new RegExp(
        `^${TIMESTAMP} Missing config\\. Run \`openclaw setup\` or set gateway\\.mode=local \\(or pass --allow-unconfigured\\)\\.$`,
        'm',
      ),
    );
  });

  it('treats an unparsable config as one missing gateway.mode: exit 78', async () => {
    const stateDir = makeStateDir(root, { token: newToken() });
    writeFileSync(join(stateDir, 'openclaw.json'), '{ gateway: { mode: "local", ');
    const { exit, stub } = await runToExit(stateDir);
    expect(exit.code).toBe(78);
    expect(stub.stderr()).toContain('Gateway start blocked: existing config is missing gateway.mode.');
    expect(stub.stderr()).toContain(`Config write audit: ${join(stateDir, 'logs', 'config-audit.jsonl')}`);
  });

  it('refuses gateway.mode "remote" with exit 78', async () => {
    const { exit, stub } = await runToExit(makeStateDir(root, { token: newToken(), mode: 'remote' }));
    expect(exit.code).toBe(78);
    expect(stub.stderr()).toContain(
      'Gateway start blocked: set gateway.mode=local (current: remote) or pass --allow-unconfigured.',
    );
  });

  it.each(['undefined', 'null', 'change-me-to-a-long-random-token', 'change-me-now', '', '  '])(
    'refuses the blank or placeholder token %j with exit 78',
    async (token) => {
      const port = await freePort();
      const { exit, stub } = await runToExit(makeStateDir(root, { port, token }), port);
      expect(exit.code).toBe(78);
      expect(stub.stderr()).toContain(
        'Invalid config: gateway auth token is blank, a published example placeholder, or the literal string undefined/null.',
      );
      expect(await getProbe(port, '/healthz')).toBeNull();
    },
  );

  it.each([
    ['auth mode none', { bind: 'lan', auth: { mode: 'none' } }],
    ['no auth at all', { bind: 'lan', auth: undefined }],
  ])('refuses a non-loopback bind with %s: exit 78', async (_what, overrides) => {
    const { exit, stub } = await runToExit(makeStateDir(root, overrides));
    expect(exit.code).toBe(78);
    expect(stub.stderr()).toContain('Refusing to bind gateway to lan without auth.');
  });

  it('refuses password mode without a password: exit 78', async () => {
    const { exit, stub } = await runToExit(makeStateDir(root, { auth: { mode: 'password' } }));
    expect(exit.code).toBe(78);
    expect(stub.stderr()).toContain('Gateway auth is set to password, but no password is configured.');
  });

  it.each([
    [['gateway', '--port', '1', '--verbose'], "error: unknown option '--verbose'"],
    [['gateway', 'run', '--port', '1'], "error: unknown command 'run'"],
    [['status'], "error: unknown command 'status'"],
    [['gateway', '--port'], "error: option '--port <port>' argument missing"],
    [['gateway', '--port', 'http'], 'Invalid port'],
  ])('exits 1 on argv %j', async (args, message) => {
    const { exit, stub } = await runToExit(makeStateDir(root, { token: newToken() }), null, { args });
    expect(exit.code).toBe(1);
    expect(stub.stderr()).toContain(message);
  });

  it('refuses to run without OPENCLAW_STATE_DIR rather than fall back to ~/.openclaw', async () => {
    const { exit, stub } = await runToExit(makeStateDir(root, { token: newToken() }), 1, {
      env: { OPENCLAW_STATE_DIR: undefined },
    });
    expect(exit.code).toBe(1);
    expect(stub.stderr()).toContain('OPENCLAW_STATE_DIR is not set');
  });
});

describe('stub gateway startup', () => {
  it('logs the real startup sequence with timestamped lines', async () => {
    const port = await freePort();
    const stub = spawnStub(makeStateDir(root, { port, token: newToken() }), port);
    await stub.waitForOutput('[gateway] ready');
    const lines = stub.stdout().trim().split('\n');
    for (const line of lines) expect(line).toMatch(new RegExp(`^${TIMESTAMP} \\[gateway\\] `));
    expect(lines.map((line) => line.replace(new RegExp(`^${TIMESTAMP} `), ''))).toEqual([
      '[gateway] loading configuration…',
      '[gateway] resolving authentication…',
      '[gateway] starting...',
      '[gateway] starting HTTP server...',
      expect.stringMatching(/^\[gateway\] http server listening \(0 plugins; \d+\.\ds\)$/),
      '[gateway] ready',
    ]);
    expect(stub.stderr()).toBe('');
  });

  it('starts token mode without a token on a runtime-only token, with the real warning', async () => {
    const port = await freePort();
    const stub = spawnStub(makeStateDir(root, { port }), port);
    await waitForReadyz(port);
    expect(stub.output()).toContain(
      '[gateway] auth token was missing. Generated a runtime token for this startup without changing config; ' +
        'restart will generate a different token. Persist one with `openclaw config set gateway.auth.mode token` ' +
        'and `openclaw config set gateway.auth.token <token>`.',
    );
    // Nobody knows the runtime token, so every token is a mismatch.
    expect(await probeHealth(port, newToken())).toEqual({ ok: false, code: 'AUTH_TOKEN_MISMATCH' });
  });

  it('reads JSON5 (comments, unquoted keys, trailing commas)', async () => {
    const port = await freePort();
    const token = newToken();
    const stateDir = makeStateDir(root);
    writeFileSync(
      join(stateDir, 'openclaw.json'),
      `// written by hand\n{ gateway: { mode: 'local', port: ${port}, auth: { mode: 'token', token: '${token}', }, }, }\n`,
    );
    spawnStub(stateDir, port);
    await waitForReadyz(port);
    expect(await probeHealth(port, token)).toMatchObject({ ok: true });
  });

  it('takes the config from OPENCLAW_CONFIG_PATH when set', async () => {
    const port = await freePort();
    const token = newToken();
    const elsewhere = makeStateDir(root, { port, token });
    const stateDir = mkdtempSync(join(root, 'no-config-'));
    spawnStub(stateDir, port, { env: { OPENCLAW_CONFIG_PATH: join(elsewhere, 'openclaw.json') } });
    await waitForReadyz(port);
    expect(await probeHealth(port, token)).toMatchObject({ ok: true });
  });

  it('picks the port from --port, then OPENCLAW_GATEWAY_PORT, then gateway.port', async () => {
    const [cliPort, envPort, configPort] = [await freePort(), await freePort(), await freePort()];
    const stateDir = makeStateDir(root, { port: configPort, token: newToken() });

    const withCli = spawnStub(stateDir, cliPort, { env: { OPENCLAW_GATEWAY_PORT: String(envPort) } });
    await waitForHealthz(cliPort);
    await withCli.stop();

    const withEnv = spawnStub(stateDir, null, {
      args: ['gateway'],
      env: { OPENCLAW_GATEWAY_PORT: String(envPort) },
    });
    await waitForHealthz(envPort);
    await withEnv.stop();

    spawnStub(stateDir, null);
    await waitForHealthz(configPort);
  });

  it('gives a named profile without a port the FNV-1a hash port (alpha → 38667)', async () => {
    // Checked on the pure function: binding the real hash ports in a test could collide with anything.
    const stubPaths = new URL('../../stub-gateway/lib/paths.mjs', import.meta.url).href;
    const { defaultPortFor } = (await import(stubPaths)) as { defaultPortFor: (profile?: string) => number };
    expect(['alpha', 'beta', 'ops', 'rescue'].map(defaultPortFor)).toEqual([38667, 25511, 55291, 23532]);
    expect(defaultPortFor(undefined)).toBe(18789);
  });

  it('listens on 127.0.0.1 only, even when the config asks for lan', async () => {
    const port = await freePort();
    const stateDir = makeStateDir(root, { port, token: newToken(), bind: 'lan' });
    const stub = spawnStub(stateDir, port);
    await waitForHealthz(port);
    expect(stub.stderr()).toContain('the stub listens on 127.0.0.1 only');
    const onIpv6 = await fetch(`http://[::1]:${port}/healthz`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(onIpv6).toBe('refused');
  });
});
