// Test doubles at the renderer's one boundary: a FleetBridge whose replies each test scripts, and a
// Host around it with a recording clipboard and notifier. Plus fleet fixtures.
import {
  INVOKE_CHANNELS,
  type EventView,
  type FleetBridge,
  type FleetView,
  type InstanceView,
  type InvokeContracts,
  type InvokeName,
  type NotificationView,
  type PushContracts,
  type PushName,
} from '../../../src-main/shared/fleet-contract.ts';
import type { ConnectionState, Host, NotificationAccess, UiHint } from '../../../src-renderer/bridge.ts';

export function instance(overrides: Partial<InstanceView> & { name: string }): InstanceView {
  const { name } = overrides;
  return {
    label: `ai.openclaw.${name}`,
    port: 18789,
    pid: 4242,
    health: 'healthy',
    reason: null,
    since: '2026-01-10T09:00:00.000Z',
    uptimeMs: 3_720_000,
    restartsLastHour: 0,
    layers: { plist: 'ok', loaded: 'ok', process: 'ok', port: 'ok', healthz: 'ok', auth: 'ok' },
    lastCrash: null,
    paths: {
      stateDir: `/Users/me/.openclaw/.openclaw-${name}`,
      plistPath: `/Users/me/Library/LaunchAgents/ai.openclaw.${name}.plist`,
      logPath: `/Users/me/.openclaw/.openclaw-${name}/logs/gateway.log`,
    },
    busy: null,
    ...overrides,
  };
}

export function fleet(instances: InstanceView[], more: Partial<FleetView> = {}): FleetView {
  return { checkedAt: '2026-01-10T10:00:00.000Z', problem: null, instances, recentEvents: [], ...more };
}

export function event(overrides: Partial<EventView> = {}): EventView {
  return { type: 'exited', instance: 'luca', at: '2026-01-10T10:01:00.000Z', reason: 'exit 1', ...overrides };
}

type Handlers = {
  [K in InvokeName]?: (request: InvokeContracts[K]['request']) => Promise<InvokeContracts[K]['response']>;
};

export interface FakeBridge {
  bridge: FleetBridge;
  calls: { channel: InvokeName; request: unknown }[];
  callsTo(channel: InvokeName): unknown[];
  emit<K extends PushName>(channel: K, payload: PushContracts[K]): void;
  listenerCount(): number;
}

/** Unscripted channels answer getSnapshot with `snapshot` and everything else with a rejection. */
export function fakeBridge(handlers: Handlers = {}, snapshot: FleetView = fleet([])): FakeBridge {
  const calls: FakeBridge['calls'] = [];
  const listeners = new Map<PushName, Set<(payload: unknown) => void>>();
  const invoke = (channel: InvokeName) => (request: unknown) => {
    calls.push({ channel, request });
    const handler = handlers[channel] as ((request: unknown) => Promise<unknown>) | undefined;
    if (handler !== undefined) return handler(request);
    if (channel === 'getSnapshot') return Promise.resolve(snapshot);
    if (channel === 'suggestPort') return Promise.resolve({ port: 18909 });
    return Promise.reject(new Error(`unscripted ${channel}`));
  };
  const methods = Object.fromEntries(
    (Object.keys(INVOKE_CHANNELS) as InvokeName[]).map((n) => [n, invoke(n)]),
  ) as Omit<FleetBridge, 'subscribe'>;
  const bridge = {
    ...methods,
    subscribe(channel: PushName, listener: (payload: never) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
  } as FleetBridge;
  return {
    bridge,
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.request),
    emit: (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload)),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

export interface FakeHost {
  host: Host;
  copied: string[];
  shown: NotificationView[];
  setConnection(state: ConnectionState): void;
  hint(hint: UiHint): void;
}

export function fakeHost(
  fake: FakeBridge,
  options: {
    connection?: ConnectionState;
    access?: NotificationAccess;
    copyText?: (text: Promise<string>) => Promise<void>;
  } = {},
): FakeHost {
  const copied: string[] = [];
  const shown: NotificationView[] = [];
  const watchers = new Set<(state: ConnectionState) => void>();
  const hintListeners = new Set<(hint: UiHint) => void>();
  let connection = options.connection ?? { status: 'open' };
  let access: NotificationAccess = options.access ?? 'default';
  const host: Host = {
    bridge: fake.bridge,
    watchConnection(listener) {
      watchers.add(listener);
      listener(connection);
      return () => void watchers.delete(listener);
    },
    notifier: {
      access: () => access,
      request: async () => (access = 'granted'),
      show: (n) => void (access === 'granted' && shown.push(n)),
    },
    copyText:
      options.copyText ??
      (async (text) => {
        copied.push(await text);
      }),
    watchHints(listener) {
      hintListeners.add(listener);
      return () => void hintListeners.delete(listener);
    },
  };
  return {
    host,
    copied,
    shown,
    setConnection(state) {
      connection = state;
      for (const w of watchers) w(state);
    },
    hint: (hint) => hintListeners.forEach((l) => l(hint)),
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets promise callbacks that are already queued run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
