// What the preload exposes as `window.fleetBridge`: one named method per invoke channel plus
// `subscribe`, built on ipcRenderer without ever handing it (or an IPC event) to the page, as the
// context-isolation guide asks. Invokes unwrap main's envelope: a refusal or failure rejects with
// main's message. Bundled into the sandboxed preload, so only type imports from electron.
import type { IpcRendererEvent } from 'electron';
import {
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  type FleetBridge,
  type InvokeName,
  type PushName,
} from '../shared/fleet-contract.ts';

/** The part of ipcRenderer the bridge uses; preload.ts passes the real one, so the compiler checks it. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

const SUBSCRIBABLE: Readonly<Record<PushName, string>> = PUSH_CHANNELS;

export function createPreloadBridge(ipc: IpcRendererPort): FleetBridge {
  const methods: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(INVOKE_CHANNELS) as InvokeName[]) {
    const channel = INVOKE_CHANNELS[name];
    methods[name] = async (request) => unwrap(name, await ipc.invoke(channel, request));
  }
  return {
    ...(methods as Omit<FleetBridge, 'subscribe'>),
    subscribe(name: string, listener: (payload: never) => void): () => void {
      if (!Object.hasOwn(SUBSCRIBABLE, name)) throw new Error(`fleetBridge: unknown push channel ${name}`);
      const channel = SUBSCRIBABLE[name as PushName];
      // Only the payload reaches the page; the event would carry `sender` (ipcRenderer itself).
      const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
      ipc.on(channel, relay);
      return () => void ipc.removeListener(channel, relay);
    },
  } as FleetBridge;
}

function unwrap(name: string, reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'result' in reply) return reply.result;
    if (reply.ok === false && 'error' in reply && typeof reply.error === 'string')
      throw new Error(reply.error);
  }
  throw new Error(`fleetBridge: malformed reply on ${name}`);
}
