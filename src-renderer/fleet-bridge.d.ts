// What the Electron preload exposes through contextBridge. In the browser it is absent and
// bridge.ts speaks the web host's WebSocket instead; nothing else in the renderer reads it.
import type { FleetBridge } from '../src-main/shared/fleet-contract.ts';

declare global {
  interface Window {
    readonly fleetBridge?: FleetBridge;
  }
}

export {};
