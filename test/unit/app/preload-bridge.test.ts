import { describe, expect, it } from 'vitest';
import { createPreloadBridge } from '../../../src-main/app/preload-bridge.ts';
import { isTrustedSender } from '../../../src-main/app/trusted-sender.ts';
import { sendPush, sendUiHint, serveInvokes } from '../../../src-main/app/typed-ipc.ts';
import { INVOKE_CHANNELS } from '../../../src-main/shared/fleet-contract.ts';
import { FakeIpcMain, FakeIpcRenderer, FakeWebContents } from '../../fakes/electron.ts';
import { fleetView, instanceView } from '../../fakes/fleet-host.ts';
import { recordingHandlers } from './ipc-test-kit.ts';

const PAGE = 'file:///app/out/renderer/index.html';

/** The preload's bridge in the popover, talking to main's IPC handlers through the fakes. */
function connected(url = PAGE) {
  const ipcMain = new FakeIpcMain();
  const popover = new FakeWebContents(3);
  const { handlers, ran } = recordingHandlers();
  serveInvokes(ipcMain, handlers, { isTrusted: (e) => isTrustedSender(e, { webContentsId: 3, url: PAGE }) });
  const ipcRenderer = new FakeIpcRenderer(ipcMain, { webContents: popover, url });
  return { bridge: createPreloadBridge(ipcRenderer), ipcRenderer, popover, ran };
}

describe('window.fleetBridge (the preload)', () => {
  it('has one named method per contract channel plus subscribe, and nothing else', () => {
    const { bridge, ipcRenderer } = connected();
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(INVOKE_CHANNELS), 'subscribe'].sort());
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
    }
  });

  it('round-trips an invoke and returns the result itself', async () => {
    const { bridge, ran } = connected();
    await expect(bridge.restart({ name: 'luca' })).resolves.toEqual({ ok: true, message: 'restart done' });
    await expect(bridge.getSnapshot(null)).resolves.toEqual(fleetView([]));
    expect(ran.map((r) => r.name)).toEqual(['restart', 'getSnapshot']);
  });

  it("rejects with main's message when the payload is refused", async () => {
    const { bridge, ran } = connected();
    await expect(bridge.restart({ name: 'Not A Name' })).rejects.toThrow(
      /^invalid payload for restart: name:/,
    );
    expect(ran).toEqual([]);
  });

  it('rejects everything when the page is not the popover’s own', async () => {
    const { bridge, ran } = connected('https://evil.example/');
    await expect(bridge.stop({ name: 'luca' })).rejects.toThrow(
      'refused: fleet:stop may only be called by the popover',
    );
    expect(ran).toEqual([]);
  });

  it('delivers pushes as bare payloads (never the IPC event) until unsubscribed', () => {
    const { bridge, popover, ipcRenderer } = connected();
    const got: unknown[][] = [];
    const off = bridge.subscribe('snapshot', (...args: unknown[]) => got.push(args));
    const view = fleetView([instanceView('luca', 'healthy')]);
    sendPush(popover, 'snapshot', view);
    expect(got).toEqual([[view]]);
    off();
    expect(ipcRenderer.listenerCount('fleet:snapshot')).toBe(0);
    sendPush(popover, 'snapshot', view);
    expect(got).toHaveLength(1);
  });

  it('relays the app’s UI hints, and refuses channels outside the contract', () => {
    const { bridge, popover } = connected();
    const hints: unknown[] = [];
    const subscribe = bridge.subscribe as (
      channel: string,
      listener: (payload: unknown) => void,
    ) => () => void;
    subscribe('uiHint', (h) => hints.push(h));
    sendUiHint(popover, { view: 'list', instance: 'critic' });
    expect(hints).toEqual([{ view: 'list', instance: 'critic' }]);
    expect(() => subscribe('fleet:snapshot', () => {})).toThrow('unknown push channel');
    expect(() => subscribe('__proto__', () => {})).toThrow('unknown push channel');
  });
});
