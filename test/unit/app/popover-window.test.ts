import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPopover, POPOVER_SIZE, popoverWindowOptions } from '../../../src-main/app/popover-window.ts';
import { PUSH_CHANNELS } from '../../../src-main/shared/fleet-contract.ts';
import { createFakeElectron, fakeDisplay, fakeEvent, type FakeBrowserWindow } from '../../fakes/electron.ts';

function setup(platform: NodeJS.Platform = 'darwin') {
  const fake = createFakeElectron({ userData: '/tmp/ud', appPath: '/app' });
  let now = 10_000;
  const log: string[] = [];
  const popover = createPopover(fake.electron, {
    preloadPath: '/app/out/preload/preload.cjs',
    indexPath: '/app/out/renderer/index.html',
    platform,
    devTools: false,
    now: () => now,
    log: (l) => log.push(l),
  });
  const window = fake.windows[0] as FakeBrowserWindow;
  return { fake, popover, window, log, advance: (ms: number) => void (now += ms) };
}

const TRAY = { x: 1200, y: 0, width: 24, height: 38 };

describe('the popover window', () => {
  it('is a locked-down renderer: isolated, sandboxed, no Node, web security on', () => {
    const { webPreferences } = popoverWindowOptions('/p.cjs', 'darwin', false);
    expect(webPreferences).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('is a frameless 360x480 panel, hidden at first, out of the Dock, switcher and Mission Control', () => {
    expect(popoverWindowOptions('/p.cjs', 'darwin', false)).toMatchObject({
      width: 360,
      height: 480,
      frame: false,
      show: false,
      resizable: false,
      skipTaskbar: true,
      hiddenInMissionControl: true,
      alwaysOnTop: true,
      type: 'panel',
    });
    expect(popoverWindowOptions('/p.cjs', 'linux', true)).not.toHaveProperty('type');
  });

  it('loads the built renderer with the preload', () => {
    const { window } = setup();
    expect(window.loadedFile).toBe('/app/out/renderer/index.html');
    expect(window.options.webPreferences?.preload).toBe('/app/out/preload/preload.cjs');
    expect(window.visible).toBe(false);
  });

  it('blocks every navigation, redirect, new window and webview', () => {
    const { window, log } = setup();
    const navigate = fakeEvent({ url: 'https://evil.example' });
    window.webContents.emit('will-navigate', navigate, 'https://evil.example/');
    const redirect = fakeEvent({ url: 'https://evil.example' });
    window.webContents.emit('will-redirect', redirect, 'https://evil.example/');
    const webview = fakeEvent();
    window.webContents.emit('will-attach-webview', webview, {}, {});
    expect([navigate.defaultPrevented, redirect.defaultPrevented, webview.defaultPrevented]).toEqual([
      true,
      true,
      true,
    ]);
    const open = window.webContents.windowOpenHandler?.({
      url: 'https://evil.example/',
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'no-referrer' },
    });
    expect(open).toEqual({ action: 'deny' });
    expect(log).toHaveLength(4);
  });

  it('opens under the tray icon on the display the icon is on', () => {
    const { fake, popover, window } = setup();
    fake.screen.displays = [
      fakeDisplay(1, { x: 0, y: 0, width: 1512, height: 982 }, { x: 0, y: 38, width: 1512, height: 944 }),
      fakeDisplay(
        2,
        { x: 1512, y: -325, width: 2560, height: 1440 },
        { x: 1512, y: -300, width: 2560, height: 1415 },
      ),
    ];
    popover.showAt({ x: 3990, y: -325, width: 24, height: 25 });
    expect(window.position).toEqual([1512 + 2560 - POPOVER_SIZE.width, -300 + 4]);
    expect(window.visible && window.focused).toBe(true);
    popover.showAt(TRAY);
    expect(window.position).toEqual([1200 + 12 - 180, 38 + 4]);
  });

  it('hides when it loses focus', () => {
    const { popover, window } = setup();
    popover.showAt(TRAY);
    window.blur();
    expect(window.visible).toBe(false);
  });

  it('toggles on tray clicks, without reopening on the click that blurred it', () => {
    const { popover, window, advance } = setup();
    popover.toggleAt(TRAY);
    expect(window.visible).toBe(true);
    popover.toggleAt(TRAY);
    expect(window.visible).toBe(false);
    popover.toggleAt(TRAY);
    // Clicking the icon while open: macOS blurs the panel first, then delivers the click.
    window.blur();
    advance(50);
    popover.toggleAt(TRAY);
    expect(window.visible).toBe(false);
    advance(1000);
    popover.toggleAt(TRAY);
    expect(window.visible).toBe(true);
  });

  it('delivers a UI hint once the page has loaded, and at once after', () => {
    const { popover, window } = setup();
    popover.showAt(TRAY, { view: 'list', instance: 'critic' });
    expect(window.webContents.sentOn(PUSH_CHANNELS.uiHint)).toEqual([]);
    window.webContents.finishLoad();
    expect(window.webContents.sentOn(PUSH_CHANNELS.uiHint)).toEqual([{ view: 'list', instance: 'critic' }]);
    popover.showAt(TRAY, { view: 'audit', instance: null });
    expect(window.webContents.sentOn(PUSH_CHANNELS.uiHint)).toHaveLength(2);
  });

  it('reloads a renderer that crashed', () => {
    const { window } = setup();
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 });
    expect(window.webContents.reloads).toBe(1);
  });

  it('trusts exactly its own page, and nothing once destroyed', () => {
    const { popover, window } = setup();
    expect(popover.trusted()).toEqual({
      webContentsId: window.webContents.id,
      url: pathToFileURL('/app/out/renderer/index.html').href,
    });
    popover.destroy();
    expect(popover.trusted()).toBeNull();
  });
});
