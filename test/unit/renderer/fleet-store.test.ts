import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardBridge } from '../../../src-renderer/bridge-guard.ts';
import { copyToken, runRowAction, TOKEN_HOLD_MS } from '../../../src-renderer/store/commands.ts';
import { useFleetStore } from '../../../src-renderer/store/fleet-store.ts';
import { selectEvents } from '../../../src-renderer/store/selectors.ts';
import { startSubscriptions } from '../../../src-renderer/store/subscriptions.ts';
import { deferred, event, fakeBridge, fakeHost, fleet, instance, settle } from './fake-host.ts';

const store = () => useFleetStore.getState();

afterEach(() => {
  store().reset();
  vi.useRealTimers();
});

describe('the snapshot slice', () => {
  it('is replaced wholesale by each snapshot: instances the host no longer reports disappear', () => {
    store().snapshotReceived(fleet([instance({ name: 'luca' }), instance({ name: 'critic', port: 18909 })]));
    store().rowToggled('critic');
    const next = fleet([instance({ name: 'luca', health: 'down', reason: 'port closed' })], {
      recentEvents: [event()],
    });
    store().snapshotReceived(next);

    expect(store().snapshot).toBe(next);
    expect(store().snapshot?.instances.map((i) => i.name)).toEqual(['luca']);
    expect(store().expanded).toBeNull();
    expect(store().selected).toBeNull();
  });

  it('does not merge: fields missing from the new snapshot are not carried over', () => {
    store().snapshotReceived(fleet([instance({ name: 'luca' })], { problem: 'launchctl hung' }));
    store().snapshotReceived(fleet([], { problem: null, checkedAt: null }));
    expect(store().snapshot).toEqual({ checkedAt: null, problem: null, instances: [], recentEvents: [] });
  });

  it('merges live events with the snapshot ones, newest first, without duplicates', () => {
    const old = event({ at: '2026-01-10T09:00:00.000Z', type: 'recovered', reason: 'serving again' });
    const pushed = event({ at: '2026-01-10T10:05:00.000Z' });
    store().snapshotReceived(fleet([], { recentEvents: [pushed, old] }));
    store().eventReceived(pushed);
    store().eventReceived(event({ at: '2026-01-10T10:06:00.000Z', type: 'crash-loop', reason: '5 exits' }));
    expect(selectEvents(store()).map((e) => e.type)).toEqual(['crash-loop', 'exited', 'recovered']);
  });
});

describe('the UI slice', () => {
  it('opens views and goes back; in the list Esc folds the expanded row', () => {
    store().rowToggled('luca');
    expect(store()).toMatchObject({ expanded: 'luca', selected: 'luca', view: 'list' });
    store().viewOpened('audit');
    store().back();
    expect(store()).toMatchObject({ view: 'list', expanded: 'luca' });
    store().back();
    expect(store().expanded).toBeNull();
    store().rowToggled('luca');
    store().rowToggled('luca');
    expect(store().expanded).toBeNull();
  });

  it('tracks an action from running to its outcome', async () => {
    const reply = deferred<{ ok: true; message: string }>();
    const fake = fakeBridge({ restart: () => reply.promise });
    const run = runRowAction(fakeHost(fake).host, 'luca', 'restart');
    expect(store().tasks.luca).toEqual({ task: 'restart', phase: 'running' });
    await runRowAction(fakeHost(fake).host, 'luca', 'restart');
    expect(fake.callsTo('restart')).toEqual([{ name: 'luca' }]);
    reply.resolve({ ok: true, message: 'luca restarted: healthy' });
    await run;
    expect(store().tasks.luca).toEqual({
      task: 'restart',
      phase: 'done',
      outcome: { ok: true, message: 'luca restarted: healthy' },
    });
  });

  it('turns a transport failure into a failed outcome', async () => {
    await runRowAction(fakeHost(fakeBridge()).host, 'luca', 'stop');
    expect(store().tasks.luca).toMatchObject({
      phase: 'done',
      outcome: { ok: false, message: 'unscripted stop' },
    });
  });

  it('follows a host hint: a view, and the instance to select and expand', () => {
    store().hintReceived({ view: 'audit', instance: null });
    expect(store()).toMatchObject({ view: 'audit', expanded: null, focusRequest: 0 });
    store().hintReceived({ view: 'list', instance: 'critic' });
    expect(store()).toMatchObject({ view: 'list', selected: 'critic', expanded: 'critic', focusRequest: 1 });
  });

  it('resets a finished Add when the Add view opens again', () => {
    store().addSettled('luca', { ok: true, message: 'added' });
    store().viewOpened('add');
    expect(store().add).toEqual({ phase: 'idle' });
  });

  it('forgets a revealed token once it is copied', async () => {
    const fake = fakeBridge({ revealToken: async () => ({ ok: true, token: 's3cret' }) });
    const seen: (string | undefined)[] = [];
    const host = fakeHost(fake, {
      copyText: async (text) => {
        await text;
        seen.push(store().revealed?.token);
      },
    }).host;
    await copyToken(host, 'luca');
    expect(seen).toEqual(['s3cret']);
    expect(store().revealed).toBeNull();
  });

  it('forgets a revealed token after 30 s even when the clipboard never answers', async () => {
    vi.useFakeTimers();
    const fake = fakeBridge({ revealToken: async () => ({ ok: true, token: 's3cret' }) });
    const host = fakeHost(fake, { copyText: () => new Promise(() => {}) }).host;
    void copyToken(host, 'luca');
    await vi.advanceTimersByTimeAsync(10);
    expect(store().revealed).toEqual({ name: 'luca', token: 's3cret' });
    await vi.advanceTimersByTimeAsync(TOKEN_HOLD_MS);
    expect(store().revealed).toBeNull();
    // The row is not left busy: the copy counts as failed and other actions work again.
    expect(store().tasks.luca).toMatchObject({ phase: 'done', outcome: { ok: false } });
  });

  it('reset() brings back the first state', () => {
    const initial = { ...store() };
    store().snapshotReceived(fleet([instance({ name: 'luca' })]));
    store().viewOpened('events');
    store().taskStarted('luca', 'restart');
    store().connectionChanged({ status: 'unauthorized' });
    store().reset();
    expect(store()).toEqual(initial);
  });
});

describe('subscriptions', () => {
  it('fetch the snapshot when the connection opens, then follow pushes; one cleanup ends them all', async () => {
    const fake = fakeBridge({}, fleet([instance({ name: 'luca' })]));
    const host = fakeHost(fake, { connection: { status: 'connecting' } });
    const stop = startSubscriptions(host.host);
    expect(fake.callsTo('getSnapshot')).toEqual([]);
    host.setConnection({ status: 'open' });
    await settle();
    expect(store().snapshot?.instances.map((i) => i.name)).toEqual(['luca']);

    fake.emit('snapshot', fleet([instance({ name: 'critic' })]));
    expect(store().snapshot?.instances.map((i) => i.name)).toEqual(['critic']);
    fake.emit('event', event());
    expect(store().liveEvents).toHaveLength(1);

    stop();
    expect(fake.listenerCount()).toBe(0);
    fake.emit('snapshot', fleet([]));
    expect(store().snapshot?.instances).toHaveLength(1);
  });

  it('let a push that overtakes the first fetch win', async () => {
    const reply = deferred<ReturnType<typeof fleet>>();
    const fake = fakeBridge({ getSnapshot: () => reply.promise });
    const stop = startSubscriptions(fakeHost(fake).host);
    fake.emit('snapshot', fleet([instance({ name: 'newer' })]));
    reply.resolve(fleet([instance({ name: 'older' })]));
    await settle();
    expect(store().snapshot?.instances.map((i) => i.name)).toEqual(['newer']);
    stop();
  });

  it('show notifications only once the page is allowed to', async () => {
    const fake = fakeBridge();
    const host = fakeHost(fake);
    const stop = startSubscriptions(host.host);
    const n = { id: 'n1', kind: 'new' as const, instance: 'luca', title: 'luca is down', body: 'exit 1' };
    fake.emit('notification', n);
    expect(host.shown).toEqual([]);
    await host.host.notifier.request();
    fake.emit('notification', n);
    expect(host.shown).toEqual([n]);
    stop();
  });
});

describe('the Electron bridge guard', () => {
  it('drops a malformed push and rejects a malformed reply', async () => {
    const fake = fakeBridge({ restart: async () => ({ ok: 'yes' }) as never });
    const guarded = guardBridge(fake.bridge);
    const got: unknown[] = [];
    guarded.subscribe('snapshot', (v) => got.push(v));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.emit('snapshot', { instances: 'none' } as never);
    fake.emit('snapshot', fleet([]));
    expect(got).toEqual([fleet([])]);
    expect(warn).toHaveBeenCalledOnce();
    await expect(guarded.restart({ name: 'luca' })).rejects.toThrow(/malformed restart reply/);
    warn.mockRestore();
  });
});
