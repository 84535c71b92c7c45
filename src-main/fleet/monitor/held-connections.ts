// One held, authenticated connection per serving instance. Their state answers the auth layer, and
// any change (a drop when the process dies, a refusal) asks the monitor for an immediate check.
import {
  holdGatewayConnection,
  type ConnectionState,
  type GatewayConnection,
} from '../../platform/gateway-connection.ts';

export type AuthView = { ok: true } | { ok: false; code: string; reason: string } | null;

export interface HeldConnections {
  /** Keeps exactly the wanted connections open: opens missing ones, replaces stale ones (new port or token). */
  reconcile(wanted: ReadonlyMap<string, { port: number; token: string }>, now: number): void;
  auth(name: string): AuthView;
  closeAll(): void;
}

export type ConnectionOpener = (
  port: number,
  token: string,
  onChange: (state: ConnectionState) => void,
) => GatewayConnection;

/** After a refusal or a drop, wait this long before dialling again, so a dying gateway is not hammered. */
const REDIAL_MS = 5000;

export function createHeldConnections(
  onChange: (state: ConnectionState) => void,
  open: ConnectionOpener = defaultOpener,
): HeldConnections {
  const held = new Map<string, { conn: GatewayConnection; openedAt: number }>();
  return {
    reconcile(wanted, now) {
      for (const [name, entry] of held) {
        const want = wanted.get(name);
        const state = entry.conn.state().kind;
        const stale = want === undefined || want.port !== entry.conn.port || want.token !== entry.conn.token;
        const dead = (state === 'closed' || state === 'rejected') && now - entry.openedAt >= REDIAL_MS;
        if (stale || dead) {
          entry.conn.close();
          held.delete(name);
        }
      }
      for (const [name, want] of wanted) {
        if (!held.has(name)) held.set(name, { conn: open(want.port, want.token, onChange), openedAt: now });
      }
    },
    auth(name) {
      const state = held.get(name)?.conn.state();
      if (state?.kind === 'open') return { ok: true };
      if (state?.kind === 'rejected') return { ok: false, code: state.code, reason: state.reason };
      return null;
    },
    closeAll() {
      for (const entry of held.values()) entry.conn.close();
      held.clear();
    },
  };
}

function defaultOpener(
  port: number,
  token: string,
  onChange: (state: ConnectionState) => void,
): GatewayConnection {
  return holdGatewayConnection(port, token, { onChange });
}
