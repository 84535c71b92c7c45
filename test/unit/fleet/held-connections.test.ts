import { describe, expect, it } from 'vitest';
import { createHeldConnections } from '../../../src-main/fleet/monitor/held-connections.ts';
import type { ConnectionState, GatewayConnection } from '../../../src-main/platform/gateway-connection.ts';

/** Connections whose state the test drives; what the monitor is told is recorded. */
function scripted() {
  const opened: Array<{ port: number; token: string; set: (s: ConnectionState) => void; closed: boolean }> =
    [];
  const seen: string[] = [];
  const held = createHeldConnections(
    (name, state, dropped) => seen.push(`${name} ${state.kind}${dropped ? ' dropped' : ''}`),
    (port, token, onChange): GatewayConnection => {
      let state: ConnectionState = { kind: 'connecting' };
      const entry = {
        port,
        token,
        closed: false,
        set: (s: ConnectionState) => ((state = s), onChange(s)),
      };
      opened.push(entry);
      return { port, token, state: () => state, close: () => void (entry.closed = true) };
    },
  );
  return { held, opened, seen };
}

describe('held connections', () => {
  it('tells a drop of an open connection from a connection that never opened', () => {
    const { held, opened, seen } = scripted();
    held.reconcile(new Map([['luca', { port: 1, token: 't' }]]), 0);
    opened[0]!.set({ kind: 'open', bootId: 'a' });
    opened[0]!.set({ kind: 'closed', reason: 'connection closed (1006)' });
    held.reconcile(new Map([['luca', { port: 1, token: 't' }]]), 10_000);
    opened[1]!.set({ kind: 'closed', reason: 'the gateway is still starting' });
    expect(seen).toEqual(['luca open', 'luca closed dropped', 'luca closed']);
  });

  it('re-dials at once with a new token and reports its refusal', () => {
    const { held, opened } = scripted();
    held.reconcile(new Map([['luca', { port: 1, token: 'old' }]]), 0);
    opened[0]!.set({ kind: 'open', bootId: 'a' });
    expect(held.auth('luca')).toEqual({ ok: true });
    held.reconcile(new Map([['luca', { port: 1, token: 'new' }]]), 1);
    expect(opened.map((o) => [o.token, o.closed])).toEqual([
      ['old', true],
      ['new', false],
    ]);
    opened[1]!.set({ kind: 'rejected', code: 'AUTH_TOKEN_MISMATCH', reason: 'token rejected' });
    expect(held.auth('luca')).toEqual({ ok: false, code: 'AUTH_TOKEN_MISMATCH', reason: 'token rejected' });
  });

  it('re-dials a refused new token every second for 5 s (the gateway applies it after a debounce), then every 5 s', () => {
    const { held, opened } = scripted();
    held.reconcile(new Map([['luca', { port: 1, token: 'old' }]]), 0);
    opened[0]!.set({ kind: 'open', bootId: 'a' });
    const want = new Map([['luca', { port: 1, token: 'new' }]]);
    const refuse = () =>
      opened.at(-1)!.set({ kind: 'rejected', code: 'AUTH_TOKEN_MISMATCH', reason: 'token rejected' });
    held.reconcile(want, 10_000);
    refuse();
    held.reconcile(want, 10_999);
    expect(opened).toHaveLength(2);
    held.reconcile(want, 11_000);
    expect(opened.map((o) => [o.token, o.closed])).toEqual([
      ['old', true],
      ['new', true],
      ['new', false],
    ]);
    refuse();
    for (const at of [12_000, 13_000, 14_000]) {
      held.reconcile(want, at);
      refuse();
    }
    expect(opened).toHaveLength(6);
    // Still refused 5 s after the change: the file and the gateway really disagree.
    held.reconcile(want, 15_000);
    held.reconcile(want, 18_999);
    expect(opened).toHaveLength(6);
    held.reconcile(want, 19_000);
    expect(opened).toHaveLength(7);
  });

  it('re-dials a plain refusal (no token change) after 5 s', () => {
    const { held, opened } = scripted();
    const want = new Map([['luca', { port: 1, token: 't' }]]);
    held.reconcile(want, 0);
    opened[0]!.set({ kind: 'rejected', code: 'AUTH_TOKEN_MISMATCH', reason: 'token rejected' });
    held.reconcile(want, 4999);
    expect(opened).toHaveLength(1);
    held.reconcile(want, 5000);
    expect(opened).toHaveLength(2);
  });

  it('re-dials a gateway that was still starting after its retry hint, anything else after 5 s', () => {
    const { held, opened } = scripted();
    const want = new Map([
      ['luca', { port: 1, token: 't' }],
      ['mia', { port: 2, token: 't' }],
    ]);
    held.reconcile(want, 0);
    opened[0]!.set({ kind: 'closed', reason: 'the gateway is still starting', retryAfterMs: 250 });
    opened[1]!.set({ kind: 'closed', reason: 'connection failed (ECONNRESET)' });
    held.reconcile(want, 200);
    expect(opened).toHaveLength(2);
    held.reconcile(want, 250);
    expect(opened.map((o) => [o.port, o.closed])).toEqual([
      [1, true],
      [2, false],
      [1, false],
    ]);
    held.reconcile(want, 5000);
    expect(opened.map((o) => [o.port, o.closed])).toEqual([
      [1, true],
      [2, true],
      [1, false],
      [2, false],
    ]);
  });

  it('holds nothing once reconciled to nothing', () => {
    const { held, opened } = scripted();
    held.reconcile(new Map([['luca', { port: 1, token: 't' }]]), 0);
    held.reconcile(new Map(), 1);
    expect(opened.map((o) => o.closed)).toEqual([true]);
    expect(held.auth('luca')).toBeNull();
  });
});
