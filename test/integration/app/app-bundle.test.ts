// The main process and preload as Electron will load them: bundled by src-main/app/vite.config.ts.
// Checks what each bundle may import (Electron cannot rely on TypeScript support; a sandboxed
// preload can require nothing but electron), then runs the bundled main process under plain Node
// with `electron` resolved to the fakes, against a real fleet on the launchd simulator.
import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appBuildConfig } from '../../../src-main/app/vite.config.ts';
import { INVOKE_CHANNELS } from '../../../src-main/shared/fleet-contract.ts';
import { pidAlive, printJob } from '../../e2e-cli/control-kit.ts';
import { createFleetEnv, type FleetEnv } from '../../helpers/fleet-env.ts';
import { eventually, installInstance, type InstalledInstance } from '../../helpers/fleet-fixture.ts';
import { freePort, getProbe } from '../../helpers/stub-gateway.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOADER = fileURLToPath(new URL('../../fakes/electron-loader.ts', import.meta.url));

let appDir: string;
let main: string;
let preload: string;

beforeAll(async () => {
  appDir = mkdtempSync(join(tmpdir(), 'ocf-bundle-'));
  await build(appBuildConfig('main', join(appDir, 'out')));
  await build(appBuildConfig('preload', join(appDir, 'out')));
  main = readFileSync(join(appDir, 'out', 'main', 'main.js'), 'utf8');
  preload = readFileSync(join(appDir, 'out', 'preload', 'preload.cjs'), 'utf8');
}, 60_000);
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

/** Every module specifier a bundle loads: static and dynamic imports, require calls. */
function specifiers(code: string): Set<string> {
  const found = new Set<string>();
  for (const m of code.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["']/gm)) found.add(m[1]!);
  for (const m of code.matchAll(/^import\s*["']([^"']+)["']/gm)) found.add(m[1]!);
  for (const m of code.matchAll(/\b(?:import|require|__require)\(\s*["']([^"']+)["']\s*\)/g))
    found.add(m[1]!);
  return found;
}

describe('the bundled main process and preload', () => {
  it('main is an ES module that loads only electron and Node built-ins (no .ts, no node_modules)', () => {
    const builtins = new Set(builtinModules);
    const foreign = [...specifiers(main)].filter(
      (s) => s !== 'electron' && !s.startsWith('node:') && !builtins.has(s),
    );
    expect(foreign).toEqual([]);
    expect(main).toMatch(/^import .* from "electron";$/m);
    expect(main).not.toMatch(/from "[^"]+\.ts"/);
  });

  it('the preload is one CommonJS file that requires electron and nothing else', () => {
    expect([...specifiers(preload)]).toEqual(['electron']);
    expect(preload).not.toMatch(/^import\s/m);
    expect(preload).toContain('exposeInMainWorld("fleetBridge", createPreloadBridge(electron.ipcRenderer))');
    // The bridge it exposes is built from ipcRenderer, never ipcRenderer itself.
    expect(preload.match(/ipcRenderer/g)).toHaveLength(1);
  });
});

describe('the bundled main process, run on the Electron fakes', () => {
  let env: FleetEnv;
  let luca: InstalledInstance;

  beforeAll(async () => {
    env = createFleetEnv();
    luca = await installInstance(env, 'luca', await freePort());
    await eventually(
      () => getProbe(luca.port, '/healthz'),
      (r) => r?.status === 200,
    );
    mkdirSync(join(appDir, 'assets'));
    cpSync(join(ROOT, 'assets'), join(appDir, 'assets'), { recursive: true });
  });
  afterAll(() => env.cleanup());

  it('boots, serves the popover, refuses a foreign page, and quits leaving the gateway running', async () => {
    const before = (await printJob(env, luca.label))!;
    const child = spawn(process.execPath, ['--import', LOADER, join(appDir, 'out', 'main', 'main.js')], {
      env: {
        ...env.sim.env,
        HOME: env.home,
        OPENCLAW_FLEET_ROOT: env.root,
        OPENCLAW_FLEET_AGENTS_DIR: env.agentsDir,
        OPENCLAW_FLEET_LAUNCHCTL: env.sim.launchctlPath,
        OPENCLAW_FLEET_APP_USER_DATA: join(appDir, 'profile'),
        FAKE_ELECTRON_APP_PATH: appDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, stderr).toBe(0);
    const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
    expect(line, `${stdout}\n${stderr}`).toBeDefined();
    const report = JSON.parse(line!.slice('REPORT '.length)) as Record<string, unknown> & {
      trusted: { ok: boolean; result: { instances: { name: string }[] } };
      window: { options: { webPreferences: Record<string, unknown> }; loadedFile: string };
    };

    expect(report.error).toBeUndefined();
    expect((report.handlers as string[]).sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(report.trusted.ok).toBe(true);
    expect(report.trusted.result.instances.map((i) => i.name)).toEqual(['luca']);
    expect(report.foreign).toEqual({
      ok: false,
      error: 'refused: fleet:stop may only be called by the popover',
    });
    expect(report.dockHidden).toBe(true);
    expect(report.userData).toBe(join(appDir, 'profile'));
    expect(report.window.loadedFile).toBe(join(appDir, 'out', 'renderer', 'index.html'));
    expect(report.window.options.webPreferences).toMatchObject({
      preload: join(appDir, 'out', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(report.tray).toMatchObject({ destroyed: true });
    expect(report.handlersAfterQuit).toBe(0);

    const after = (await printJob(env, luca.label))!;
    expect(after).toMatchObject({ state: 'running', pid: before.pid, runs: before.runs });
    expect(pidAlive(before.pid!)).toBe(true);
  });
});
