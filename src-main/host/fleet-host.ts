// Everything a UI host runs, whatever shows it (Electron or the web host): the monitor, the
// contract's handlers, and the pushes (snapshot after every check, each event, each notification).
import type { FleetEvent, MonitorSettings } from '../core/monitor/monitor-types.ts';
import { RingBuffer } from '../core/monitor/ring-buffer.ts';
import type { NotificationSettings } from '../core/notify/notification-policy.ts';
import type { FleetContext } from '../fleet/fleet-context.ts';
import { createFleetMonitor, type FleetMonitor } from '../fleet/monitor/fleet-monitor.ts';
import type { AppSettingsPort } from '../ports/app-settings.ts';
import type { FleetView, InstanceView, PushContracts, PushName } from '../shared/fleet-contract.ts';
import { createFleetService, type FleetServiceOptions } from './fleet-service.ts';
import { eventView, fleetView } from './fleet-view.ts';
import { createHostHandlers, type HostHandlers } from './host-handlers.ts';
import { NO_APP_SETTINGS } from './no-app-settings.ts';

export type PushListener = <K extends PushName>(channel: K, payload: PushContracts[K]) => void;

export interface FleetHost {
  monitor: FleetMonitor;
  handlers: HostHandlers;
  view(): FleetView;
  onPush(listener: PushListener): () => void;
  start(): void;
  stop(): Promise<void>;
}

export interface FleetHostOptions {
  runtime: FleetServiceOptions['runtime'];
  settings?: Partial<MonitorSettings>;
  notifications?: Partial<NotificationSettings>;
  /** The shell's own settings (the menu-bar app's); built on the host's monitor to apply changes live. */
  appSettings?: (monitor: FleetMonitor) => AppSettingsPort;
}

const RECENT_EVENTS = 50;

export function createFleetHost(ctx: FleetContext, options: FleetHostOptions): FleetHost {
  const listeners = new Set<PushListener>();
  const push: PushListener = (channel, payload) => {
    for (const l of listeners) l(channel, payload);
  };
  const events = new RingBuffer<FleetEvent>(RECENT_EVENTS);
  const busy = new Map<string, NonNullable<InstanceView['busy']>>();
  const monitor = createFleetMonitor(ctx, {
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.notifications ? { notifications: options.notifications } : {}),
    notifier: {
      notify: (n) =>
        push('notification', { id: n.id, kind: n.kind, instance: n.instance, title: n.title, body: n.body }),
    },
  });
  const view = () => fleetView(monitor.snapshot(), events.toArray(), busy);
  monitor.onEvent((e) => {
    events.push(e);
    push('event', eventView(e));
  });
  monitor.onCheck(() => push('snapshot', view()));
  const service = createFleetService({
    ctx,
    monitor,
    runtime: options.runtime,
    busy,
    onBusyChange: () => push('snapshot', view()),
  });
  const settings = options.appSettings?.(monitor) ?? NO_APP_SETTINGS;
  const handlers = createHostHandlers({
    ...service,
    getSnapshot: async () => view(),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    relaunchApp: () => settings.relaunch(),
  });
  return {
    monitor,
    handlers,
    view,
    onPush: (l) => (listeners.add(l), () => listeners.delete(l)),
    start: () => monitor.start(),
    stop: () => monitor.stop(),
  };
}
