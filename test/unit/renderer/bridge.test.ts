// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../src-renderer/bridge.ts';
import { connectHost } from '../../../src-renderer/bridge.ts';
import { fakeBridge, fleet } from './fake-host.ts';

type Writable = { fleetBridge?: unknown };

afterEach(() => {
  delete (window as Writable).fleetBridge;
  vi.restoreAllMocks();
});

describe('connectHost', () => {
  it('uses the Electron preload bridge when there is one, and still parses what it pushes', async () => {
    const fake = fakeBridge({}, fleet([]));
    (window as Writable).fleetBridge = fake.bridge;
    const host = connectHost(window);
    const states: ConnectionState[] = [];
    host.watchConnection((s) => states.push(s));
    expect(states).toEqual([{ status: 'open' }]);
    expect(await host.bridge.getSnapshot(null)).toEqual(fleet([]));

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const got: unknown[] = [];
    host.bridge.subscribe('event', (e) => got.push(e));
    fake.emit('event', { type: 'melted' } as never);
    expect(got).toEqual([]);
    // Main shows native notifications itself; the page offers none.
    expect(host.notifier.access()).toBe('unsupported');
  });

  it('relays the Electron app’s ui hints, parsed', () => {
    const fake = fakeBridge();
    (window as Writable).fleetBridge = fake.bridge;
    const hints: unknown[] = [];
    const stop = connectHost(window).watchHints((h) => hints.push(h));
    const emit = fake.emit as (channel: string, payload: unknown) => void;
    emit('uiHint', { view: 'audit', instance: null });
    emit('uiHint', { view: 'settings', instance: null });
    emit('uiHint', { view: 'list', instance: 'critic' });
    expect(hints).toEqual([
      { view: 'audit', instance: null },
      { view: 'list', instance: 'critic' },
    ]);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('falls back to the web host, unauthorized without a token in the page URL', () => {
    const host = connectHost(window);
    const states: ConnectionState[] = [];
    host.watchConnection((s) => states.push(s));
    expect(states).toEqual([{ status: 'unauthorized' }]);
  });

  it('writes to the clipboard, and passes on why a reveal failed', async () => {
    const host = connectHost(window);
    await host.copyText(Promise.resolve('tok'));
    expect(await navigator.clipboard.readText()).toBe('tok');
    await expect(host.copyText(Promise.reject(new Error('no token in openclaw.json')))).rejects.toThrow(
      'no token in openclaw.json',
    );
  });
});
