// Where the app's built files are, relative to app.getAppPath() (the checkout in development,
// app.asar when packaged): electron-builder packs `out/**` and the tray images (electron-builder.yml).
import { join } from 'node:path';
import { trayImageName, type TrayState } from './tray-state.ts';

export interface AppPaths {
  preload: string;
  rendererDir: string;
  rendererIndex: string;
  trayImage(state: TrayState): string;
}

export function appPaths(appPath: string): AppPaths {
  const rendererDir = join(appPath, 'out', 'renderer');
  return {
    preload: join(appPath, 'out', 'preload', 'preload.cjs'),
    rendererDir,
    rendererIndex: join(rendererDir, 'index.html'),
    // Electron picks the @2x file beside it and treats a *Template name as a template image.
    trayImage: (state) => join(appPath, 'assets', trayImageName(state)),
  };
}
