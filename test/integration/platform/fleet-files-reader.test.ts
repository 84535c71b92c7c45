import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderNewGatewayConfig } from '../../../src-main/core/gateway-config.ts';
import { renderInstancePlist } from '../../../src-main/core/plist-contract.ts';
import { createFleetFilesReader, RACY_MS } from '../../../src-main/platform/fleet-files-reader.ts';
import { readConfigFile, readFleetFiles } from '../../../src-main/platform/fleet-files.ts';
import { readPlistFile, renderPlistXml } from '../../../src-main/platform/plist-file.ts';

let base: string;
let root: string;
let agents: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'ocf-files-'));
  root = join(base, 'root');
  agents = join(base, 'agents');
  mkdirSync(agents, { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const plistPath = (name: string) => join(agents, `ai.openclaw.${name}.plist`);
const configPath = (name: string) => join(root, `.openclaw-${name}`, 'openclaw.json');

function plistXml(name: string, port: number): string {
  const stateDir = join(root, `.openclaw-${name}`);
  return renderPlistXml(renderInstancePlist({ name, port, stateDir, nodePath: '/n', entryPath: '/e' }));
}

function install(name: string, port: number): void {
  mkdirSync(join(root, `.openclaw-${name}`), { recursive: true, mode: 0o700 });
  writeFileSync(configPath(name), renderNewGatewayConfig(port, 't'.repeat(48)), { mode: 0o600 });
  writeFileSync(plistPath(name), plistXml(name, port), { mode: 0o644 });
  age(plistPath(name));
  age(configPath(name));
}

/** Moves a file's mtime out of the racy window, as if written a minute ago. */
function age(path: string): void {
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

/** A reader whose every real read of a file is counted, by path. */
function countedReader() {
  const reads: string[] = [];
  const reader = createFleetFilesReader(root, agents, {
    plist: (path) => (reads.push(path), readPlistFile(path)),
    config: (path) => (reads.push(path), readConfigFile(path)),
  });
  const count = (path: string) => reads.filter((p) => p === path).length;
  return { reader, count, total: () => reads.length };
}

describe('fleet files reader: reads a file again only when it changed', () => {
  it('gives what readFleetFiles gives, and does not re-read unchanged files', async () => {
    install('ana', 18801);
    install('ben', 18802);
    const { reader, total } = countedReader();
    expect(await reader.read()).toEqual(await readFleetFiles(root, agents));
    expect(total()).toBe(4);
    for (let i = 0; i < 3; i++) expect(await reader.read()).toEqual(await readFleetFiles(root, agents));
    expect(total()).toBe(4);
  });

  it('notices an in-place edit of the same size whose mtime was put back (the ctime moves)', async () => {
    install('ana', 18801);
    const { reader, count } = countedReader();
    await reader.read();
    const before = statSync(plistPath('ana'));
    const edited = readFileSync(plistPath('ana'), 'utf8').replace('18801', '18809');
    writeFileSync(plistPath('ana'), edited);
    utimesSync(plistPath('ana'), before.atime, before.mtime);
    const files = await reader.read();
    expect(count(plistPath('ana'))).toBe(2);
    expect(JSON.stringify(files.plists[0]!.read)).toContain('18809');
  });

  it('notices an atomic replace, a chmod and a removal', async () => {
    install('ana', 18801);
    install('ben', 18802);
    const { reader, count } = countedReader();
    await reader.read();
    writeFileSync(`${plistPath('ana')}.tmp`, plistXml('ana', 18811));
    age(`${plistPath('ana')}.tmp`);
    renameSync(`${plistPath('ana')}.tmp`, plistPath('ana'));
    chmodSync(configPath('ben'), 0o644);
    const files = await reader.read();
    expect(count(plistPath('ana'))).toBe(2);
    expect(JSON.stringify(files.plists[0]!.read)).toContain('18811');
    expect(files.stateDirs.find((d) => d.suffix === 'ben')!.config.mode).toBe(0o644);
    rmSync(configPath('ben'));
    expect((await reader.read()).stateDirs.find((d) => d.suffix === 'ben')!.config.exists).toBe(false);
  });

  it('reads a file modified within the racy window every time (a coarse clock could hide a second write)', async () => {
    install('ana', 18801);
    const recent = new Date(Date.now() - RACY_MS / 4);
    utimesSync(plistPath('ana'), recent, recent);
    const { reader, count } = countedReader();
    await reader.read();
    await reader.read();
    expect(count(plistPath('ana'))).toBe(2);
    expect(count(configPath('ana'))).toBe(1);
  });

  it('hands back the same config fact while the file is unchanged (what the parse memo keys on)', async () => {
    install('ana', 18801);
    const { reader } = countedReader();
    const first = (await reader.read()).stateDirs[0]!.config;
    expect((await reader.read()).stateDirs[0]!.config).toBe(first);
  });
});
