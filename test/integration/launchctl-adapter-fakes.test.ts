// The adapter against a scripted fake launchctl (test/fixtures/bin/fake-launchctl.mjs), for answers the
// simulator does not give: root-style 37/119, permission denied, a hanging launchctl, garbage output.
// Each test checks the argv the adapter passed, as recorded by the fake.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createLaunchctlAdapter, type LaunchctlAdapterOptions } from '../../src-main/platform/launchctl.ts';

const FAKE = fileURLToPath(new URL('../fixtures/bin/fake-launchctl.mjs', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../fixtures/launchctl-samples/', import.meta.url));
const LABEL = 'ai.openclaw.luca';
const TARGET = `gui/501/${LABEL}`;
const PLIST = '/Users/me/Library/LaunchAgents/ai.openclaw.luca.plist';

interface Reply {
  when: string[];
  times?: number;
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  hangMs?: number;
  killSelf?: string;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeLaunchctl(replies: Reply[], options: LaunchctlAdapterOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-launchctl-'));
  dirs.push(dir);
  const argvLog = join(dir, 'argv.jsonl');
  writeFileSync(argvLog, '');
  const plan = join(dir, 'plan.json');
  writeFileSync(plan, JSON.stringify({ argvLog, replies }));
  const adapter = createLaunchctlAdapter({
    launchctlPath: FAKE,
    uid: 501,
    env: { FAKE_LAUNCHCTL_PLAN: plan },
    drainWindowMs: 600,
    bootstrapRetryMs: 100,
    unloadPollMs: 50,
    unloadMarginMs: 200,
    ...options,
  });
  const argv = (): string[][] =>
    readFileSync(argvLog, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as string[]);
  return { adapter, argv };
}

/** The launchctl text of a capture file, without its `# …` header lines. */
function captureText(file: string): string {
  const lines = readFileSync(join(SAMPLES, file), 'utf8').split('\n');
  return lines.slice(lines.findIndex((line) => !line.startsWith('#'))).join('\n');
}

const print = (state: string, extra = '') =>
  `${TARGET} = {\n\tstate = ${state}\n\texit timeout = 1\n${extra}}\n`;

describe('load', () => {
  it('reports already-loaded for exit 37 + "service already loaded" when print finds the job', async () => {
    const { adapter, argv } = fakeLaunchctl([
      { when: ['enable'] },
      { when: ['bootstrap'], exitCode: 37, stderr: `${PLIST}: service already loaded\n` },
      { when: ['print'], stdout: print('running', '\tpid = 4242\n') },
    ]);
    expect(await adapter.load(LABEL, PLIST)).toEqual({ kind: 'already-loaded' });
    expect(argv()).toEqual([
      ['enable', TARGET],
      ['bootstrap', 'gui/501', PLIST],
      ['print', TARGET],
    ]);
  });

  it('retries a bootstrap refused while the label drains, then succeeds', async () => {
    const { adapter, argv } = fakeLaunchctl(
      [
        { when: ['enable'] },
        { when: ['bootstrap'], times: 2, exitCode: 5, stderr: 'Bootstrap failed: 5: Input/output error\n' },
        { when: ['bootstrap'] },
        { when: ['print'], times: 1, stdout: print('SIGTERMed') },
        {
          when: ['print'],
          exitCode: 113,
          stderr: `Could not find service "${LABEL}" in domain for user gui: 501\n`,
        },
      ],
      { drainWindowMs: 10_000 },
    );
    expect(await adapter.load(LABEL, PLIST)).toEqual({ kind: 'ok' });
    expect(argv().map(([subcommand]) => subcommand)).toEqual([
      'enable',
      'bootstrap',
      'print',
      'bootstrap',
      'print',
      'bootstrap',
    ]);
  });

  it('gives up after the drain window and passes launchctl’s stderr through', async () => {
    const stderr =
      'Bootstrap failed: 5: Input/output error\nTry re-running the command as root for richer errors.\n';
    // Virtual time, so the number of attempts does not depend on how fast the machine spawns processes.
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const { adapter, argv } = fakeLaunchctl(
      [
        { when: ['enable'] },
        { when: ['bootstrap'], exitCode: 5, stderr },
        { when: ['print-disabled'], stdout: '\n\tdisabled services = {\n\t}\n' },
        { when: ['print'], exitCode: 113, stderr: 'Bad request.\n' },
      ],
      { clock, drainWindowMs: 600, bootstrapRetryMs: 100 },
    );
    const result = await adapter.load(LABEL, PLIST);
    expect(result).toEqual({
      kind: 'failed',
      exitCode: 5,
      stderr,
      message: expect.stringContaining('Bootstrap failed: 5'),
    });
    // Attempts at t = 0, 100, … 600; the one at 700 would be past the window.
    expect(now).toBe(600);
    expect(argv().filter(([subcommand]) => subcommand === 'bootstrap')).toHaveLength(7);
    expect(argv().at(-1)).toEqual(['print-disabled', 'gui/501']);
  });

  it('recognises a non-root "disabled" (plain 5) once the drain window is over', async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const { adapter } = fakeLaunchctl(
      [
        { when: ['enable'] },
        { when: ['bootstrap'], exitCode: 5, stderr: 'Bootstrap failed: 5: Input/output error\n' },
        { when: ['print-disabled'], stdout: `\n\tdisabled services = {\n\t\t"${LABEL}" => disabled\n\t}\n` },
        { when: ['print'], exitCode: 113 },
      ],
      { clock, drainWindowMs: 200, bootstrapRetryMs: 100 },
    );
    expect(await adapter.load(LABEL, PLIST)).toMatchObject({
      kind: 'disabled',
      message: expect.stringContaining('is disabled'),
    });
  });

  it('reports disabled for the root form (119)', async () => {
    const stderr = captureText('sample-nixinstaller-bootstrap-disabled-119-as-root.txt')
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^ {6}(?:stderr: )?/, ''))
      .join('\n');
    const { adapter } = fakeLaunchctl([{ when: ['enable'] }, { when: ['bootstrap'], exitCode: 119, stderr }]);
    expect(await adapter.load(LABEL, PLIST)).toEqual({
      kind: 'disabled',
      stderr,
      message: expect.stringContaining('Bootstrap failed: 119: Service is disabled'),
    });
  });

  it('reports no-gui-domain when enable finds no gui domain (SSH only)', async () => {
    const stderr = 'Could not enable service: 125: Domain does not support specified action\n';
    const { adapter, argv } = fakeLaunchctl([{ when: ['enable'], exitCode: 125, stderr }]);
    expect(await adapter.load(LABEL, PLIST)).toMatchObject({ kind: 'no-gui-domain', stderr });
    expect(argv()).toEqual([['enable', TARGET]]);
  });

  it('passes a plist path with spaces as one argument (no shell)', async () => {
    const path = '/Users/me/Library/Launch Agents/a b;$(touch x).plist';
    const { adapter, argv } = fakeLaunchctl([{ when: ['enable'] }, { when: ['bootstrap'] }]);
    expect(await adapter.load(LABEL, path)).toEqual({ kind: 'ok' });
    expect(argv()[1]).toEqual(['bootstrap', 'gui/501', path]);
  });
});

describe('unload', () => {
  it('reports permission-denied for exit 1 with launchctl’s text', async () => {
    const stderr = 'Boot-out failed: 1: Operation not permitted\n';
    const { adapter, argv } = fakeLaunchctl([{ when: ['bootout'], exitCode: 1, stderr }]);
    expect(await adapter.unload(LABEL)).toEqual({
      kind: 'permission-denied',
      stderr,
      message: `\`launchctl bootout ${TARGET}\` failed with exit status 1: Boot-out failed: 1: Operation not permitted`,
    });
    expect(argv()).toEqual([['bootout', TARGET]]);
  });

  it('waits for a 36 (in progress) bootout like for a silent one', async () => {
    const { adapter, argv } = fakeLaunchctl([
      { when: ['bootout'], exitCode: 36, stderr: 'Boot-out failed: 36: Operation now in progress\n' },
      { when: ['print'], times: 2, stdout: print('SIGTERMed') },
      { when: ['print'], exitCode: 113 },
    ]);
    expect(await adapter.unload(LABEL)).toEqual({ kind: 'ok' });
    expect(argv().map(([subcommand]) => subcommand)).toEqual(['bootout', 'print', 'print', 'print']);
  });

  it('times out when the label is still loaded after its exit timeout plus the margin', async () => {
    const { adapter } = fakeLaunchctl([
      { when: ['bootout'] },
      { when: ['print'], stdout: print('SIGKILLed') },
    ]);
    const started = Date.now();
    const result = await adapter.unload(LABEL);
    const elapsed = Date.now() - started;
    // `exit timeout = 1` in the print, margin 200 ms.
    expect(result).toEqual({
      kind: 'timed-out',
      afterMs: 1_200,
      message: expect.stringContaining(`${TARGET} was still loaded`),
    });
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThan(4_000);
  });
});

describe('calls that do not answer properly', () => {
  it('reports timed-out for a launchctl that hangs, within the call timeout', async () => {
    const { adapter, argv } = fakeLaunchctl([{ when: ['print'], hangMs: 30_000, stdout: print('running') }], {
      callTimeoutMs: 300,
    });
    const started = Date.now();
    expect(await adapter.status(LABEL)).toEqual({
      kind: 'timed-out',
      afterMs: 300,
      message: `\`launchctl print ${TARGET}\` did not finish within 300 ms`,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(argv()).toEqual([['print', TARGET]]);
  });

  it('reports garbage print output as failed without quoting it', async () => {
    const garbage = 'OPENCLAW_GATEWAY_TOKEN => secret-token-value\nnot a print at all\n';
    const { adapter } = fakeLaunchctl([{ when: ['print'], stdout: garbage }]);
    const status = await adapter.status(LABEL);
    expect(status).toMatchObject({ kind: 'failed', exitCode: 0 });
    expect(JSON.stringify(status)).not.toContain('secret-token-value');

    const fleet = await adapter.fleetStatus();
    expect(fleet).toMatchObject({
      kind: 'failed',
      exitCode: 0,
      message: expect.stringContaining('services = {'),
    });
    expect(JSON.stringify(fleet)).not.toContain('secret-token-value');
  });

  it('reports a launchctl killed by a signal as failed with no exit status', async () => {
    const { adapter } = fakeLaunchctl([{ when: ['print-disabled'], killSelf: 'SIGKILL' }]);
    expect(await adapter.disabledOverrides()).toEqual({
      kind: 'failed',
      exitCode: null,
      stderr: '',
      message: '`launchctl print-disabled gui/501` did not run: killed by SIGKILL',
    });
  });

  it('reports a missing launchctl as failed', async () => {
    const adapter = createLaunchctlAdapter({ launchctlPath: '/nonexistent/launchctl', uid: 501 });
    expect(await adapter.fleetStatus()).toMatchObject({
      kind: 'failed',
      exitCode: null,
      message: expect.stringContaining('ENOENT'),
    });
  });
});

describe('restart', () => {
  it('kickstarts with -k and, when the job is not loaded, loads it', async () => {
    const { adapter, argv } = fakeLaunchctl([
      {
        when: ['kickstart'],
        exitCode: 113,
        stderr: `Could not find service "${LABEL}" in domain for user gui: 501\n`,
      },
      { when: ['enable'] },
      { when: ['bootstrap'] },
    ]);
    expect(await adapter.restart(LABEL, PLIST)).toEqual({ kind: 'ok', via: 'load' });
    expect(argv()).toEqual([
      ['kickstart', '-k', TARGET],
      ['enable', TARGET],
      ['bootstrap', 'gui/501', PLIST],
    ]);
  });
});

describe('arguments checked before launchctl runs', () => {
  it.each(['-k', 'gui/501/x', 'a b', ''])('rejects the label %j without calling launchctl', async (label) => {
    const { adapter, argv } = fakeLaunchctl([]);
    const results = [
      await adapter.status(label),
      await adapter.load(label, PLIST),
      await adapter.unload(label),
      await adapter.restart(label, PLIST),
      await adapter.enable(label),
      await adapter.disable(label),
    ];
    expect(results.map((result) => result.kind)).toEqual(Array(6).fill('invalid-argument'));
    expect(adapter.callCount()).toBe(0);
    expect(argv()).toEqual([]);
  });

  it.each(['relative/x.plist', '-x.plist', '/tmp/a\nb.plist'])('rejects the plist path %j', async (path) => {
    const { adapter } = fakeLaunchctl([]);
    expect(await adapter.load(LABEL, path)).toMatchObject({ kind: 'invalid-argument' });
    expect(adapter.callCount()).toBe(0);
  });
});
