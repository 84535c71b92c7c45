// Architecture: IPC has one door on each side. Only typed-ipc.ts calls ipcMain and sends to the
// renderer, only preload-bridge.ts calls ipcRenderer, and channel names are spelled only in the
// contract (src-main/shared) and ui-hint.ts. The eslint rule in the report keeps the imports honest;
// this keeps the calls honest.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const APP = fileURLToPath(new URL('../../../src-main/app/', import.meta.url));
const SOURCES = readdirSync(APP)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, code: readFileSync(`${APP}${f}`, 'utf8') }));

const IPC_CALL =
  /\bipc\w*\s*\.\s*(?:handle|handleOnce|removeHandler|on|once|send|invoke|sendSync|postMessage)\s*\(|\b(?:webContents|target)\s*\.\s*(?:send|postMessage)\s*\(/;

describe('the IPC boundary of the app', () => {
  it('is crossed only in typed-ipc.ts (main) and preload-bridge.ts (preload)', () => {
    const crossing = SOURCES.filter((s) => IPC_CALL.test(s.code)).map((s) => s.file);
    expect(crossing.sort()).toEqual(['preload-bridge.ts', 'typed-ipc.ts']);
  });

  it('names no channel outside the contract', () => {
    const naming = SOURCES.filter((s) => /['"`]fleet:/.test(s.code)).map((s) => s.file);
    expect(naming).toEqual([]);
  });

  it('never hands ipcRenderer to the page', () => {
    const preload = SOURCES.find((s) => s.file === 'preload.ts')!.code;
    expect(preload).toMatch(/exposeInMainWorld\('fleetBridge', createPreloadBridge\(ipcRenderer\)\)/);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
  });
});
