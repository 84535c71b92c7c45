// The pages connected to the web host. A page is a session only after its first frame carried the
// host token; until then it gets nothing. Sessions get every push; their invokes go through the
// validated host handlers.
import type { WebSocket } from 'ws';
import type { HostHandlers } from '../host/host-handlers.ts';
import type { PushContracts, PushName } from '../shared/fleet-contract.ts';
import { CLOSE_BAD_FRAME, CLOSE_UNAUTHORIZED, type PushFrame, type ServerFrame } from '../shared/web-wire.ts';
import { sameSecret } from './same-secret.ts';

export interface SessionHub {
  handlers: HostHandlers;
  /** The latest snapshot, sent to a page as soon as it is accepted. */
  current(): PushContracts['snapshot'] | null;
  sessions: Set<WebSocket>;
}

const HELLO_TIMEOUT_MS = 5000;

export function createSessionHub(
  handlers: HostHandlers,
  current: SessionHub['current'],
): SessionHub & {
  push<K extends PushName>(channel: K, payload: PushContracts[K]): void;
} {
  const sessions = new Set<WebSocket>();
  return {
    handlers,
    current,
    sessions,
    push(channel, payload) {
      const frame: PushFrame = { kind: 'push', channel, payload } as PushFrame;
      const text = JSON.stringify(frame);
      for (const ws of sessions) ws.send(text);
    },
  };
}

export function acceptSession(ws: WebSocket, token: string, hub: SessionHub): void {
  let accepted = false;
  const timer = setTimeout(() => ws.close(CLOSE_UNAUTHORIZED, 'no hello'), HELLO_TIMEOUT_MS);
  const send = (frame: ServerFrame) => ws.send(JSON.stringify(frame));
  ws.on('close', () => {
    clearTimeout(timer);
    hub.sessions.delete(ws);
  });
  ws.on('message', (data) => {
    const frame = parse(String(data));
    if (!accepted) {
      clearTimeout(timer);
      if (
        frame?.kind !== 'hello' ||
        !sameSecret(typeof frame.token === 'string' ? frame.token : null, token)
      ) {
        ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
        return;
      }
      accepted = true;
      hub.sessions.add(ws);
      send({ kind: 'ready' });
      const snapshot = hub.current();
      if (snapshot !== null) send({ kind: 'push', channel: 'snapshot', payload: snapshot });
      return;
    }
    if (frame?.kind !== 'invoke' || typeof frame.id !== 'number') {
      ws.close(CLOSE_BAD_FRAME, 'bad frame');
      return;
    }
    const id = frame.id;
    void hub.handlers
      .handle(frame.channel, frame.payload)
      .then((r) =>
        send(
          r.ok
            ? { kind: 'reply', id, ok: true, result: r.result as never }
            : { kind: 'reply', id, ok: false, error: r.error },
        ),
      );
  });
}

function parse(
  text: string,
): { kind?: unknown; token?: unknown; id?: unknown; channel?: unknown; payload?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
