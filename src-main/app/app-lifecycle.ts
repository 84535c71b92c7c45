// Process-level behaviour of a menu-bar app: one instance, no Dock icon, no quit when the popover
// closes, an immediate check after sleep or unlock, and a quit that only lets go of the fleet
// (stops watching, closes the dashboard) and never stops a gateway: launchd keeps them running.
import type { AppPort, ElectronMain } from './electron-ports.ts';

/** False when another copy runs: that copy is told (`second-instance`) and this one quits. */
export function claimSingleInstance(app: Pick<AppPort, 'requestSingleInstanceLock' | 'quit'>): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

export function becomeMenuBarApp(app: Pick<AppPort, 'on' | 'dock'>, onSecondInstance: () => void): void {
  // LSUIElement hides the Dock icon of the packaged app; this covers `electron .` in development.
  app.dock?.hide();
  // Without a listener Electron quits when the last window closes; a menu-bar app lives on.
  app.on('window-all-closed', () => {});
  app.on('second-instance', () => onSecondInstance());
}

export function recheckOnWake(
  powerMonitor: ElectronMain['powerMonitor'],
  checkNow: () => Promise<void>,
): void {
  // After sleep the last snapshot is stale, and the policy turns what happened meanwhile into one digest.
  powerMonitor.on('resume', () => void checkNow());
  powerMonitor.on('unlock-screen', () => void checkNow());
}

/**
 * Runs `cleanup` once before the app quits (Electron does not wait for promises in before-quit,
 * so the first quit is deferred, then repeated). A cleanup that hangs does not keep the app alive.
 */
export function cleanUpBeforeQuit(
  app: Pick<AppPort, 'on' | 'quit'>,
  cleanup: () => Promise<void>,
  log: (line: string) => void,
  timeoutMs = 5000,
): void {
  let phase: 'running' | 'cleaning' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase === 'cleaning') return;
    phase = 'cleaning';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`quit: cleanup took longer than ${timeoutMs} ms; quitting anyway`);
        resolve();
      }, timeoutMs);
    });
    const done = cleanup().catch((error: unknown) => log(`quit: cleanup failed: ${String(error)}`));
    void Promise.race([done, timeout]).then(() => {
      clearTimeout(timer);
      phase = 'done';
      app.quit();
    });
  });
}
