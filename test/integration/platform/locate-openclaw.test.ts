import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateGatewayRuntime } from '../../../src-main/platform/locate-openclaw.ts';
import { fakeOpenclawPrefix } from '../../helpers/add-remove-kit.ts';

const NODE24 = process.execPath;
let base: string;
let fake: ReturnType<typeof fakeOpenclawPrefix>;
/** A dir whose `node` answers like Node 20: a "too old" candidate on any machine (macOS has no /usr/bin/node). */
let oldNodeDir: string;
let oldNode: string;

beforeAll(() => {
  // Canonical: the product follows the `openclaw` symlink with realpath, and macOS's $TMPDIR
  // (/var/folders/...) is itself behind a symlink (/var -> /private/var).
  base = realpathSync(mkdtempSync(join(tmpdir(), 'ocf-locate-')));
  fake = fakeOpenclawPrefix(base, NODE24);
  oldNodeDir = join(base, 'old-node-bin');
  oldNode = join(oldNodeDir, 'node');
  mkdirSync(oldNodeDir);
  writeFileSync(oldNode, '#!/bin/sh\necho v20.19.2\n', { mode: 0o755 });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const locate = (PATH: string, flags: { node?: string; entry?: string } = {}) =>
  locateGatewayRuntime({ ...flags, env: { PATH }, cwd: base });

describe('locateGatewayRuntime', () => {
  it('follows `openclaw` on PATH through its symlink to the package, and takes the node beside it', async () => {
    const found = await locate(`${fake.bin}:${oldNodeDir}`);
    expect(found).toEqual({
      ok: true,
      runtime: { nodePath: join(fake.bin, 'node'), nodeVersion: process.version, entryPath: fake.entry },
    });
  });

  it('finds the package in the global root beside a node on PATH when `openclaw` is not on PATH', async () => {
    const nodeOnly = join(base, 'node-only', 'bin');
    mkdirSync(nodeOnly, { recursive: true });
    // <prefix>/bin/node with the package in <prefix>/lib/node_modules: same layout, no openclaw link.
    const prefix = join(base, 'node-only');
    mkdirSync(join(prefix, 'lib', 'node_modules'), { recursive: true });
    symlinkSync(
      join(fake.prefix, 'lib', 'node_modules', 'openclaw'),
      join(prefix, 'lib', 'node_modules', 'openclaw'),
    );
    symlinkSync(NODE24, join(nodeOnly, 'node'));
    const found = await locate(`${oldNodeDir}:${nodeOnly}`);
    expect(found.ok && found.runtime.entryPath).toBe(
      join(prefix, 'lib', 'node_modules', 'openclaw', 'dist', 'index.js'),
    );
    // The v20 node comes first on PATH and is skipped for being too old.
    expect(found.ok && found.runtime.nodePath).toBe(join(nodeOnly, 'node'));
  });

  it('accepts the other entry names the gateway installer knows', async () => {
    const pkg = join(base, 'entry-mjs', 'lib', 'node_modules', 'openclaw');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    mkdirSync(join(base, 'entry-mjs', 'bin'));
    writeFileSync(join(pkg, 'package.json'), '{"name":"openclaw"}');
    writeFileSync(join(pkg, 'dist', 'entry.mjs'), '');
    writeFileSync(join(pkg, 'openclaw.mjs'), '');
    chmodSync(join(pkg, 'openclaw.mjs'), 0o755);
    symlinkSync(join(pkg, 'openclaw.mjs'), join(base, 'entry-mjs', 'bin', 'openclaw'));
    const found = await locate(join(base, 'entry-mjs', 'bin'), { node: NODE24 });
    expect(found.ok && found.runtime.entryPath).toBe(join(pkg, 'dist', 'entry.mjs'));
  });

  it('names --entry, --node and the install command when there is no openclaw package', async () => {
    const found = await locate(oldNodeDir);
    expect(found.ok).toBe(false);
    const message = found.ok ? '' : found.message;
    expect(message).toContain('cannot find the OpenClaw gateway');
    expect(message).toContain('npm install -g openclaw');
    expect(message).toContain('--entry');
    expect(message).toContain('--node');
  });

  it('refuses a Node older than 24.16 and says which ones it saw', async () => {
    const found = await locate(oldNodeDir, { entry: fake.entry });
    expect(found.ok).toBe(false);
    expect(found.ok ? '' : found.message).toMatch(
      new RegExp(
        `^cannot find Node >= 24\\.16 to run the gateway \\(${escapeRegExp(oldNode)} is Node v20\\.19\\.2, older than 24\\.16.*--node <absolute path to node>$`,
      ),
    );
  });

  it('checks given paths: node absolute, executable and new enough; entry an existing file', async () => {
    expect(await locate('', { node: 'node', entry: fake.entry })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--node node is not an absolute path/),
    });
    expect(await locate('', { node: oldNode, entry: fake.entry })).toMatchObject({
      ok: false,
      message: `--node ${oldNode} is Node v20.19.2, older than 24.16`,
    });
    expect(await locate('', { node: fake.entry, entry: fake.entry })).toMatchObject({
      ok: false,
      message: `--node ${fake.entry} is not an executable file`,
    });
    expect(await locate('', { node: NODE24, entry: 'missing.js' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--entry .*\/missing\.js is not an existing file/),
    });
    // A relative --entry is taken from the working directory.
    const relative = await locate('', {
      node: NODE24,
      entry: 'prefix/lib/node_modules/openclaw/dist/index.js',
    });
    expect(relative.ok && relative.runtime.entryPath).toBe(fake.entry);
  });

  it('skips a dangling `openclaw` link', async () => {
    const dir = join(base, 'dangling');
    mkdirSync(dir);
    symlinkSync(join(base, 'nowhere'), join(dir, 'openclaw'));
    const found = await locate(`${dir}:${fake.bin}`);
    expect(found.ok && found.runtime.entryPath).toBe(fake.entry);
    unlinkSync(join(dir, 'openclaw'));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
