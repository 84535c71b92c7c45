// Fake of Electron's `app` (test/fakes/electron.ts).
import type { App, LoginItemSettings } from 'electron';
import type { AppPort } from '../../src-main/app/electron-ports.ts';
import { FakeEmitter, fakeEvent } from './electron-emitter.ts';

export class FakeApp extends FakeEmitter implements AppPort {
  isPackaged = false;
  lockAvailable = true;
  loginItem = false;
  quitCalls = 0;
  quitted = false;
  exitCode: number | null = null;
  relaunchCalls = 0;
  dockHidden = false;
  readonly dock = { hide: () => void (this.dockHidden = true) };

  private dirs: { userData: string; appPath: string };

  constructor(dirs: { userData: string; appPath: string }) {
    super();
    this.dirs = dirs;
  }

  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    if (name === 'userData') return this.dirs.userData;
    throw new Error(`FakeApp.getPath: ${name} is not faked`);
  }

  getAppPath(): string {
    return this.dirs.appPath;
  }

  /** Not in AppPort: only main.ts calls it, on the real app (and on this fake when the bundle runs). */
  setPath(name: Parameters<App['setPath']>[0], path: string): void {
    if (name !== 'userData') throw new Error(`FakeApp.setPath: ${name} is not faked`);
    this.dirs = { ...this.dirs, userData: path };
  }

  setLoginItemSettings(settings: Parameters<App['setLoginItemSettings']>[0]): void {
    this.loginItem = settings.openAtLogin ?? false;
  }

  getLoginItemSettings(): LoginItemSettings {
    return {
      openAtLogin: this.loginItem,
      wasOpenedAtLogin: false,
      status: this.loginItem ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: this.loginItem,
      launchItems: [],
    };
  }

  /** Like Electron: `before-quit` may be prevented; otherwise the app quits. */
  quit(): void {
    this.quitCalls++;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.quitted = true;
    this.emit('will-quit', fakeEvent());
  }

  exit(code = 0): void {
    this.exitCode = code;
  }

  /** Like Electron: only schedules a new copy for when this one has quit. */
  relaunch(): void {
    this.relaunchCalls++;
  }
}
