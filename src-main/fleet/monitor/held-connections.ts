// One held, authenticated connection per serving instance. Their state answers the auth layer, and
// every change is reported, telling a drop of an open connection (the process died) from a dial that
// never opened; the monitor checks at once on the first, not on the second.
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

/**
 * A refusal soon after the token in openclaw.json changed may only mean the gateway has not applied
 * it yet: openclaw hot-reloads gateway.auth.token after a 300 ms debounce (about 1-1.5 s in all).
 * For this long after a token change, re-dial a refusal at the quick pace, inside the monitor's
 * grace window, so a rotation raises no auth-failed. Loopback is exempt from the gateway's auth
 * rate limit.
 */
const TOKEN_CHANGE_WINDOW_MS = 5000;
const TOKEN_CHANGE_REDIAL_MS = 1000;

/** `dropped`: an open connection closed (the process died, or stopped serving); not a refusal. */
export type ConnectionChange = (name: string, state: ConnectionState, dropped: boolean) => void;

export function createHeldConnections(
  onChange: ConnectionChange,
  open: ConnectionOpener = defaultOpener,
): HeldConnections {
  const held = new Map<
    string,
    { conn: GatewayConnection; openedAt: number; tokenChangedAt: number | null }
  >();
  return {
    reconcile(wanted, now) {
      const tokenChanged = new Map<string, number | null>();
      for (const [name, entry] of held) {
        const want = wanted.get(name);
        const state = entry.conn.state();
        const stale = want === undefined || want.port !== entry.conn.port || want.token !== entry.conn.token;
        // A gateway that was still starting said when to come back: holding no connection for
        // REDIAL_MS after every start would lose the death signal of a young process.
        const wait =
          state.kind === 'closed'
            ? (state.retryAfterMs ?? REDIAL_MS)
            : state.kind === 'rejected' &&
                entry.tokenChangedAt !== null &&
                now - entry.tokenChangedAt < TOKEN_CHANGE_WINDOW_MS
              ? TOKEN_CHANGE_REDIAL_MS
              : REDIAL_MS;
        const dead = (state.kind === 'closed' || state.kind === 'rejected') && now - entry.openedAt >= wait;
        if (stale || dead) {
          const retokened = want !== undefined && want.token !== entry.conn.token;
          tokenChanged.set(name, retokened ? now : entry.tokenChangedAt);
          entry.conn.close();
          held.delete(name);
        }
      }
      for (const [name, want] of wanted) {
        if (held.has(name)) continue;
        let wasOpen = false;
        const conn = open(want.port, want.token, (state) => {
          const dropped = wasOpen && state.kind === 'closed';
          wasOpen = state.kind === 'open';
          onChange(name, state, dropped);
        });
        held.set(name, { conn, openedAt: now, tokenChangedAt: tokenChanged.get(name) ?? null });
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

/** A connection is held to each instance with a port and a token whose port its own pid serves. */
export function wantedConnections(
  records: readonly { name: string; port: number | null; config: { token: string | null } | null }[],
  tracked: ReadonlyMap<string, { portOwned: boolean }>,
): Map<string, { port: number; token: string }> {
  const wanted = new Map<string, { port: number; token: string }>();
  for (const r of records) {
    const token = r.config?.token ?? null;
    if (r.port !== null && token !== null && tracked.get(r.name)?.portOwned === true)
      wanted.set(r.name, { port: r.port, token });
  }
  return wanted;
}
