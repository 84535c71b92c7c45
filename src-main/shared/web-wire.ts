// How the contract travels over the web host's WebSocket: the page sends invoke frames, the host
// answers each by id and pushes snapshots, events and notifications. The page authenticates with
// the token from its URL (`/?token=...`, as Jupyter does), sent as the first frame.
import type { InvokeContracts, InvokeName, PushContracts, PushName } from './fleet-contract.ts';

/** Path of the WebSocket endpoint on the web host. */
export const WEB_SOCKET_PATH = '/api/ws';

export interface HelloFrame {
  kind: 'hello';
  token: string;
}

export interface InvokeFrame<K extends InvokeName = InvokeName> {
  kind: 'invoke';
  id: number;
  channel: K;
  payload: InvokeContracts[K]['request'];
}

export type ReplyFrame<K extends InvokeName = InvokeName> =
  | { kind: 'reply'; id: number; ok: true; result: InvokeContracts[K]['response'] }
  | { kind: 'reply'; id: number; ok: false; error: string };

export interface PushFrame<K extends PushName = PushName> {
  kind: 'push';
  channel: K;
  payload: PushContracts[K];
}

/** Sent once the hello is accepted; the page may invoke after it. */
export interface ReadyFrame {
  kind: 'ready';
}

export type ClientFrame = HelloFrame | InvokeFrame;
export type ServerFrame = ReplyFrame | PushFrame | ReadyFrame;

/** Close codes the host uses; the page shows the reason to the user. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_BAD_FRAME = 4400;
