import { describe, expect, it, vi } from 'vitest';
import {
  becomeMenuBarApp,
  claimSingleInstance,
  cleanUpBeforeQuit,
  recheckOnWake,
} from '../../../src-main/app/app-lifecycle.ts';
import { FakeApp, FakePowerMonitor } from '../../fakes/electron.ts';

const newApp = () => new FakeApp({ userData: '/tmp/ud', appPath: '/app' });

describe('the menu-bar app lifecycle', () => {
  it('runs once: a second copy quits and the first is told', () => {
    const first = newApp();
    expect(claimSingleInstance(first)).toBe(true);
    const second = newApp();
    second.lockAvailable = false;
    expect(claimSingleInstance(second)).toBe(false);
    expect(second.quitted).toBe(true);
    const shown = vi.fn();
    becomeMenuBarApp(first, shown);
    first.emit('second-instance', {}, [], '/', {});
    expect(shown).toHaveBeenCalledOnce();
  });

  it('has no Dock icon and keeps running when its windows close', () => {
    const app = newApp();
    becomeMenuBarApp(app, () => {});
    expect(app.dockHidden).toBe(true);
    expect(app.listenerCount('window-all-closed')).toBe(1);
    app.emit('window-all-closed');
    expect(app.quitted).toBe(false);
  });

  it('checks the fleet at once after sleep and after unlocking the screen', () => {
    const power = new FakePowerMonitor();
    const checkNow = vi.fn(async () => {});
    recheckOnWake(power, checkNow);
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('suspend');
    expect(checkNow).toHaveBeenCalledTimes(2);
  });

  it('finishes its cleanup before quitting, once', async () => {
    const app = newApp();
    const order: string[] = [];
    let release!: () => void;
    const cleanup = vi.fn(() => new Promise<void>((r) => (release = () => (order.push('cleaned'), r()))));
    cleanUpBeforeQuit(app, cleanup, () => {});
    app.quit();
    app.quit();
    expect(app.quitted).toBe(false);
    expect(cleanup).toHaveBeenCalledOnce();
    release();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(order).toEqual(['cleaned']);
  });

  it('quits anyway when the cleanup hangs or fails', async () => {
    const hung = newApp();
    const log: string[] = [];
    cleanUpBeforeQuit(
      hung,
      () => new Promise(() => {}),
      (l) => log.push(l),
      20,
    );
    hung.quit();
    await vi.waitFor(() => expect(hung.quitted).toBe(true));
    expect(log).toEqual(['quit: cleanup took longer than 20 ms; quitting anyway']);
    const failing = newApp();
    cleanUpBeforeQuit(
      failing,
      async () => Promise.reject(new Error('boom')),
      (l) => log.push(l),
      1000,
    );
    failing.quit();
    await vi.waitFor(() => expect(failing.quitted).toBe(true));
    expect(log.at(-1)).toBe('quit: cleanup failed: Error: boom');
  });
});
