// The only module that talks to ipcMain and sends to the renderer. Every contract channel gets one
// handler that refuses foreign senders first, then hands the one payload to the host's validated
// handlers; replies are the host's envelope ({ok, result} | {ok, error}), which the preload unwraps.
import type { HandleResult, HostHandlers } from '../host/host-handlers.ts';
import {
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  type InvokeName,
  type PushContracts,
  type PushName,
} from '../shared/fleet-contract.ts';
import type { InvokeEventPort, IpcMainPort, WebContentsPort } from './electron-ports.ts';
import type { UiHintView } from './ui-hint.ts';

export const INVOKE_NAMES = Object.keys(INVOKE_CHANNELS) as InvokeName[];

export interface ServeInvokesOptions {
  isTrusted(event: InvokeEventPort): boolean;
  /** Told about every refused call, for the log. */
  onRefused?(channel: string, reason: string): void;
}

/** Registers one handler per invoke channel; returns the function that removes them all. */
export function serveInvokes(
  ipc: IpcMainPort,
  handlers: HostHandlers,
  options: ServeInvokesOptions,
): () => void {
  for (const name of INVOKE_NAMES) {
    const channel = INVOKE_CHANNELS[name];
    ipc.handle(channel, async (event: InvokeEventPort, ...args: unknown[]): Promise<HandleResult> => {
      if (!options.isTrusted(event)) {
        options.onRefused?.(channel, 'untrusted sender');
        return { ok: false, error: `refused: ${channel} may only be called by the popover` };
      }
      // The preload always sends exactly one argument; anything else did not come through it.
      if (args.length !== 1) {
        options.onRefused?.(channel, `${args.length} arguments`);
        return { ok: false, error: `invalid payload for ${name}: expected one argument, got ${args.length}` };
      }
      return handlers.handle(name, args[0]);
    });
  }
  return () => {
    for (const name of INVOKE_NAMES) ipc.removeHandler(INVOKE_CHANNELS[name]);
  };
}

type PushTarget = Pick<WebContentsPort, 'send' | 'isDestroyed'>;

export function sendPush<K extends PushName>(
  target: PushTarget,
  channel: K,
  payload: PushContracts[K],
): void {
  if (!target.isDestroyed()) target.send(PUSH_CHANNELS[channel], payload);
}

export function sendUiHint(target: PushTarget, hint: UiHintView): void {
  if (!target.isDestroyed()) target.send(PUSH_CHANNELS.uiHint, hint);
}
