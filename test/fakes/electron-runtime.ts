// The `electron` module the bundled main process gets under electron-loader.ts: the class fakes,
// plus a scripted session. Once the popover has received a snapshot listing an instance, it plays
// the popover's page (one trusted invoke, one from a foreign page), quits the app, and prints what
// the app did as one `REPORT {json}` line before exiting.
import { pathToFileURL } from 'node:url';
import { createFakeElectron, invokeEvent } from './electron.ts';

const appPath = process.env.FAKE_ELECTRON_APP_PATH ?? process.cwd();
const fake = createFakeElectron({ userData: `${appPath}/user-data`, appPath });

export const { app, ipcMain, powerMonitor, screen, shell } = fake;
export const { Tray, BrowserWindow, Notification, Menu } = fake.electron;
export default { ...fake.electron };

const page = pathToFileURL(`${appPath}/out/renderer/index.html`).href;
const deadline = Date.now() + 20_000;

const poll = setInterval(() => {
  const webContents = fake.windows[0]?.webContents;
  const snapshots = (webContents?.sentOn('fleet:snapshot') ?? []) as { instances: unknown[] }[];
  if (webContents === undefined || (snapshots.at(-1)?.instances.length ?? 0) === 0) {
    if (Date.now() > deadline) finish({ error: 'no snapshot with an instance within 20 s' });
    return;
  }
  clearInterval(poll);
  void (async () => {
    const trusted = await ipcMain.invoke('fleet:get-snapshot', invokeEvent(webContents.id, page), null);
    const foreign = await ipcMain.invoke('fleet:stop', invokeEvent(webContents.id + 100, page), {
      name: 'x',
    });
    const window = fake.windows[0]!;
    const tray = fake.trays[0]!;
    const before = { handlers: [...ipcMain.handlers.keys()], trusted, foreign };
    app.on('will-quit', () =>
      finish({
        ...before,
        handlersAfterQuit: ipcMain.handlers.size,
        dockHidden: app.dockHidden,
        tray: { image: tray.image, title: tray.title, toolTip: tray.toolTip, destroyed: tray.destroyed },
        window: { options: window.options, loadedFile: window.loadedFile },
        userData: app.getPath('userData'),
      }),
    );
    app.quit();
  })();
}, 100);

function finish(report: object): void {
  clearInterval(poll);
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}
