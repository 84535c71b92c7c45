// Composition root of the Electron main process: the real Electron modules into bootMenuBarApp.
// Built to out/main/main.js (ESM, `electron` external) by `npm run build:app`; Electron never runs
// this TypeScript directly.
import { homedir } from 'node:os';
import { app, BrowserWindow, ipcMain, Menu, Notification, powerMonitor, screen, shell, Tray } from 'electron';
import { bootMenuBarApp } from './boot-app.ts';

// Tests and the macOS smoke test run the app against a throwaway profile (and so their own lock).
const userData = process.env.OPENCLAW_FLEET_APP_USER_DATA;
if (userData !== undefined && userData !== '') app.setPath('userData', userData);

const log = (line: string) => console.log(`[openclaw-fleet] ${line}`);

bootMenuBarApp(
  { app, Tray, BrowserWindow, ipcMain, Notification, Menu, powerMonitor, screen, shell },
  { platform: process.platform, env: process.env, home: homedir(), log },
).catch((error: unknown) => {
  log(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  app.exit(1);
});
