// The one contract between a host (the Electron main process, or the web host of `serve`) and the
// renderer: invoke channels (request -> response), push channels (host -> renderer), and their
// payload types. Type-only, so the renderer can import it; runtime schemas are in
// fleet-contract-schemas.ts. A channel missing from either map is a compile-time error below.
import type { FleetEventType, HealthState } from './health-state.ts';

export const INVOKE_CHANNELS = {
  getSnapshot: 'fleet:get-snapshot',
  restart: 'fleet:restart',
  start: 'fleet:start',
  stop: 'fleet:stop',
  add: 'fleet:add',
  remove: 'fleet:remove',
  runAudit: 'fleet:run-audit',
  suggestPort: 'fleet:suggest-port',
  revealToken: 'fleet:reveal-token',
  openLogs: 'fleet:open-logs',
  getSettings: 'fleet:get-settings',
  updateSettings: 'fleet:update-settings',
  relaunchApp: 'fleet:relaunch-app',
} as const;

export const PUSH_CHANNELS = {
  snapshot: 'fleet:snapshot',
  event: 'fleet:event',
  notification: 'fleet:notification',
  /** "Show this view (and this instance)": a notification click or the tray menu's Run Audit. */
  uiHint: 'fleet:ui-hint',
} as const;

export type LayerName = 'plist' | 'loaded' | 'process' | 'port' | 'healthz' | 'auth';
export type LayerState = 'ok' | 'failed' | 'unknown' | 'skipped';

export interface CrashView {
  at: string;
  /** `exit 78`, `killed by signal 9`. */
  exit: string;
  lastErrorLine: string | null;
  lastLines: string[];
}

export interface InstanceView {
  name: string;
  label: string;
  port: number | null;
  pid: number | null;
  health: HealthState;
  reason: string | null;
  /** ISO time since when the instance is in this state. */
  since: string;
  uptimeMs: number | null;
  restartsLastHour: number;
  layers: Record<LayerName, LayerState>;
  lastCrash: CrashView | null;
  paths: { stateDir: string; plistPath: string; logPath: string };
  /** An action running on this instance right now, if any. */
  busy: 'restart' | 'start' | 'stop' | 'remove' | null;
}

export interface EventView {
  type: FleetEventType;
  instance: string;
  at: string;
  reason: string;
}

export interface FleetView {
  checkedAt: string | null;
  problem: string | null;
  instances: InstanceView[];
  /** Newest first, bounded. */
  recentEvents: EventView[];
}

export interface NotificationView {
  id: string;
  kind: 'new' | 'update' | 'digest';
  instance: string | null;
  title: string;
  body: string;
}

export interface UiHintView {
  view: 'list' | 'audit';
  /** The instance to select and expand, or null for the fleet as a whole. */
  instance: string | null;
}

export interface FindingView {
  code: string;
  severity: 'error' | 'warning';
  instance: string | null;
  message: string;
  fix: string;
}

export type ActionOutcome = { ok: true; message: string } | { ok: false; message: string };

/** The menu-bar app's own settings (`<userData>/settings.json`), as the popover edits them. */
export interface SettingsValues {
  intervalMs: number;
  notifications: Record<FleetEventType, boolean>;
  /** Overrides of the container and LaunchAgents dir; null = environment, then the default. */
  rootDir: string | null;
  agentsDir: string | null;
  launchAtLogin: boolean;
}

export type SettingsView =
  | {
      available: true;
      values: SettingsValues;
      /** The dirs this running app watches; a changed override applies after a relaunch. */
      inUse: { root: string; agentsDir: string };
      relaunchNeeded: boolean;
    }
  /** A host with no settings of its own (the web host of `serve`): why, and where they live. */
  | { available: false; message: string };

export type SettingsPatch = Partial<Omit<SettingsValues, 'notifications'>> & {
  notifications?: Partial<Record<FleetEventType, boolean>>;
};

export interface NameRequest {
  name: string;
}

export interface InvokeContracts {
  getSnapshot: { request: null; response: FleetView };
  restart: { request: NameRequest; response: ActionOutcome };
  start: { request: NameRequest; response: ActionOutcome };
  stop: { request: NameRequest; response: ActionOutcome };
  add: { request: { name: string; port: number | null }; response: ActionOutcome };
  remove: { request: NameRequest; response: ActionOutcome };
  runAudit: { request: null; response: { ok: boolean; findings: FindingView[] } };
  suggestPort: { request: null; response: { port: number | null } };
  /** The only way a token crosses the bridge: one instance, on an explicit user action. */
  revealToken: {
    request: NameRequest;
    response: { ok: true; token: string } | { ok: false; message: string };
  };
  /** The log tail of one instance (the Electron host also opens the file in Console.app). */
  openLogs: {
    request: NameRequest;
    response: { ok: true; path: string; lines: string[] } | { ok: false; message: string };
  };
  getSettings: { request: null; response: SettingsView };
  /** Saved atomically, then applied at once (interval, notifications, login item). */
  updateSettings: {
    request: SettingsPatch;
    response: { ok: true; message: string; settings: SettingsView } | { ok: false; message: string };
  };
  /** Quits (gateways keep running) and starts the app again, to watch changed dirs. */
  relaunchApp: { request: null; response: ActionOutcome };
}

export interface PushContracts {
  snapshot: FleetView;
  event: EventView;
  notification: NotificationView;
  uiHint: UiHintView;
}

export type InvokeName = keyof typeof INVOKE_CHANNELS;
export type PushName = keyof typeof PUSH_CHANNELS;

// Completeness: every channel has a contract and every contract a channel, or this fails to compile.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const invokeCovered: Exactly<InvokeName, keyof InvokeContracts> = true;
const pushCovered: Exactly<PushName, keyof PushContracts> = true;
export const CONTRACT_COMPLETE = invokeCovered && pushCovered;

/** What a host offers the renderer: one method per invoke channel, one subscription per push channel. */
export type FleetBridge = {
  [K in InvokeName]: (request: InvokeContracts[K]['request']) => Promise<InvokeContracts[K]['response']>;
} & {
  subscribe<K extends PushName>(channel: K, listener: (payload: PushContracts[K]) => void): () => void;
};
