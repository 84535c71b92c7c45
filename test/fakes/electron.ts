// Class fakes of the Electron main-process API the app uses (src-main/app/electron-ports.ts), in
// the style of electron/fiddle's tests. Each class `implements` the same port (Picks of Electron's
// own types) the app takes, so a fake that drifts from Electron's API fails to compile. They
// record what the app did and let a test play the user and the OS (clicks, blur, resume, invokes).
// The classes live in electron-*.ts beside this file; this module assembles a fresh set.
import type {
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
} from 'electron';
import type { ElectronMain } from '../../src-main/app/electron-ports.ts';
import { FakeApp } from './electron-app.ts';
import { FakeIpcMain } from './electron-ipc.ts';
import { fakeDisplay, FakeNotification, FakePowerMonitor, FakeScreen, FakeShell } from './electron-system.ts';
import { FakeMenu, FakeTray } from './electron-tray.ts';
import { FakeBrowserWindow, FakeWebContents } from './electron-window.ts';

export { fakeEvent, FakeEmitter } from './electron-emitter.ts';
export { FakeApp } from './electron-app.ts';
export { FakeIpcMain, FakeIpcRenderer, invokeEvent } from './electron-ipc.ts';
export { fakeDisplay, FakeNotification, FakePowerMonitor, FakeScreen, FakeShell } from './electron-system.ts';
export { FakeMenu, FakeTray } from './electron-tray.ts';
export { FakeBrowserWindow, FakeSession, FakeWebContents, FakeWebRequest } from './electron-window.ts';

export interface FakeElectron {
  electron: ElectronMain;
  app: FakeApp;
  ipcMain: FakeIpcMain;
  powerMonitor: FakePowerMonitor;
  screen: FakeScreen;
  shell: FakeShell;
  windows: FakeBrowserWindow[];
  trays: FakeTray[];
  notifications: FakeNotification[];
  menus: FakeMenu[];
  setNotificationsSupported(supported: boolean): void;
}

/** A fresh set of fakes; every window, tray, notification and menu the app creates is recorded. */
export function createFakeElectron(dirs: { userData: string; appPath: string }): FakeElectron {
  const windows: FakeBrowserWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const menus: FakeMenu[] = [];
  let supported = true;
  let nextId = 1;
  const app = new FakeApp(dirs);
  const ipcMain = new FakeIpcMain();
  const powerMonitor = new FakePowerMonitor();
  const screen = new FakeScreen([
    fakeDisplay(1, { x: 0, y: 0, width: 1512, height: 982 }, { x: 0, y: 38, width: 1512, height: 944 }),
  ]);
  const shell = new FakeShell();
  const electron: ElectronMain = {
    app,
    ipcMain,
    powerMonitor,
    screen,
    shell,
    Tray: class extends FakeTray {
      constructor(image: string) {
        super(image);
        trays.push(this);
      }
    },
    BrowserWindow: class extends FakeBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, new FakeWebContents(nextId++));
        windows.push(this);
      }
    },
    Notification: class extends FakeNotification {
      static isSupported(): boolean {
        return supported;
      }

      constructor(options: NotificationConstructorOptions) {
        super(options);
        notifications.push(this);
      }
    },
    Menu: {
      buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
        const menu = new FakeMenu(template);
        menus.push(menu);
        return menu;
      },
    },
  };
  return {
    electron,
    app,
    ipcMain,
    powerMonitor,
    screen,
    shell,
    windows,
    trays,
    notifications,
    menus,
    setNotificationsSupported: (s) => void (supported = s),
  };
}
