// A FleetHost for tests of the app's wiring: views are set by the test, pushes are played by the
// test, and every invoke and lifecycle call is recorded. The real host is exercised by the
// integration tests (test/integration/app/), on the launchd simulator.
import type { FleetHost, PushListener } from '../../src-main/host/fleet-host.ts';
import type { HandleResult } from '../../src-main/host/host-handlers.ts';
import type {
  FleetView,
  InstanceView,
  PushContracts,
  PushName,
} from '../../src-main/shared/fleet-contract.ts';
import type { HealthState } from '../../src-main/shared/health-state.ts';

export function instanceView(
  name: string,
  health: HealthState,
  extra: Partial<InstanceView> = {},
): InstanceView {
  return {
    name,
    label: `ai.openclaw.${name}`,
    port: 18789,
    pid: health === 'stopped' ? null : 4242,
    health,
    reason: null,
    since: '2026-01-01T00:00:00.000Z',
    uptimeMs: null,
    restartsLastHour: 0,
    layers: { plist: 'ok', loaded: 'ok', process: 'ok', port: 'ok', healthz: 'ok', auth: 'ok' },
    lastCrash: null,
    paths: {
      stateDir: `/tmp/openclaw/.openclaw-${name}`,
      plistPath: `/tmp/LaunchAgents/ai.openclaw.${name}.plist`,
      logPath: `/tmp/openclaw/.openclaw-${name}/logs/gateway.log`,
    },
    busy: null,
    ...extra,
  };
}

export function fleetView(instances: InstanceView[], extra: Partial<FleetView> = {}): FleetView {
  return { checkedAt: '2026-01-01T00:00:00.000Z', problem: null, instances, recentEvents: [], ...extra };
}

export interface FakeFleetHost extends FleetHost {
  current: FleetView;
  calls: { channel: unknown; payload: unknown }[];
  checks: number;
  /** What the app handed to monitor.configure, in order. */
  configured: Parameters<FleetHost['monitor']['configure']>[0][];
  started: number;
  stopped: number;
  /** What handle() answers; defaults to an ok outcome. */
  reply: (channel: unknown, payload: unknown) => HandleResult;
  push<K extends PushName>(channel: K, payload: PushContracts[K]): void;
}

export function createFakeFleetHost(view: FleetView = fleetView([], { checkedAt: null })): FakeFleetHost {
  const listeners = new Set<PushListener>();
  const host: FakeFleetHost = {
    current: view,
    calls: [],
    checks: 0,
    configured: [],
    started: 0,
    stopped: 0,
    reply: () => ({ ok: true, result: { ok: true, message: 'done' } }),
    monitor: {
      start: () => {},
      stop: async () => {},
      checkNow: async () => void host.checks++,
      snapshot: () => {
        throw new Error('the fake host has no monitor snapshot');
      },
      onEvent: () => () => {},
      onTransition: () => () => {},
      onCheck: () => () => {},
      stats: () => ({ checks: host.checks, lastCheckMs: null }),
      configure: (patch) => void host.configured.push(patch),
    },
    handlers: {
      handle: async (channel, payload) => {
        host.calls.push({ channel, payload });
        return host.reply(channel, payload);
      },
    },
    view: () => host.current,
    onPush: (l) => (listeners.add(l), () => listeners.delete(l)),
    start: () => void host.started++,
    stop: async () => void host.stopped++,
    push(channel, payload) {
      if (channel === 'snapshot') host.current = payload as FleetView;
      for (const l of listeners) l(channel, payload);
    },
  };
  return host;
}
