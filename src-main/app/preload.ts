// The popover's preload (sandboxed, context-isolated): exposes `window.fleetBridge` and nothing else.
// Built as one CommonJS file (sandboxed preloads cannot load ES modules or local files).
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './preload-bridge.ts';

contextBridge.exposeInMainWorld('fleetBridge', createPreloadBridge(ipcRenderer));
