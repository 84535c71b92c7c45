// The fleet monitor: checks every few seconds, and at once when a held gateway connection drops;
// folds each check into per-instance state and events (core/monitor), runs the notification policy,
// and keeps a bounded history. It never restarts anything: KeepAlive is launchd's job.
import type { InstanceRecord } from '../../core/discovery.ts';
import type { FleetFiles } from '../../core/fleet-facts.ts';
import { nextCheckDelay, URGENT_WINDOW_MS } from '../../core/monitor/check-delay.ts';
import {
  DEFAULT_MONITOR_SETTINGS,
  type FleetEvent,
  type MonitorSettings,
  type TrackedInstance,
  type Transition,
} from '../../core/monitor/monitor-types.ts';
import type { RingBuffer } from '../../core/monitor/ring-buffer.ts';
import {
  decideNotifications,
  DEFAULT_NOTIFICATION_SETTINGS,
  INITIAL_POLICY_STATE,
  type NotificationSettings,
  type PolicyState,
} from '../../core/notify/notification-policy.ts';
import type { Notifier } from '../../ports/notifier.ts';
import type { FleetContext } from '../fleet-context.ts';
import { checkFleet, keepLastWords, newCheckMemory } from './check-fleet.ts';
import { anyPidChanged, foldObservations } from './fold-observations.ts';
import { createHeldConnections, wantedConnections, type ConnectionOpener } from './held-connections.ts';
import { monitorSnapshot, type MonitorSnapshot } from './monitor-snapshot.ts';

export interface FleetMonitorOptions {
  settings?: Partial<MonitorSettings>;
  notifications?: Partial<NotificationSettings>;
  notifier?: Notifier;
  /** Re-read plists and configs every this many checks (they change rarely; reading costs no subprocess). */
  filesEveryChecks?: number;
  openConnection?: ConnectionOpener;
}

export interface FleetMonitor {
  start(): void;
  stop(): Promise<void>;
  /** Check now (after a user action, on resume or unlock); resolves when that check is done. */
  checkNow(): Promise<void>;
  snapshot(): MonitorSnapshot;
  onEvent(listener: (event: FleetEvent) => void): () => void;
  onTransition(listener: (name: string, transition: Transition) => void): () => void;
  onCheck(listener: (snapshot: MonitorSnapshot) => void): () => void;
  stats(): { checks: number; lastCheckMs: number | null };
  /** New settings from the user (the app's Settings view): used from the next check on. */
  configure(patch: {
    settings?: Partial<MonitorSettings>;
    notifications?: Partial<NotificationSettings>;
  }): void;
}

export function createFleetMonitor(ctx: FleetContext, options: FleetMonitorOptions = {}): FleetMonitor {
  let settings = { ...DEFAULT_MONITOR_SETTINGS, ...options.settings };
  let notifySettings = { ...DEFAULT_NOTIFICATION_SETTINGS, ...options.notifications };
  const filesEvery = options.filesEveryChecks ?? 5;
  const tracked = new Map<string, TrackedInstance>();
  const history = new Map<string, RingBuffer<Transition>>();
  const memory = newCheckMemory();
  const eventListeners = new Set<(e: FleetEvent) => void>();
  const transitionListeners = new Set<(name: string, t: Transition) => void>();
  const checkListeners = new Set<(s: MonitorSnapshot) => void>();
  const emitTransition = (name: string, t: Transition) => transitionListeners.forEach((l) => l(name, t));
  const fleet = { tracked, history };
  let policy: PolicyState = INITIAL_POLICY_STATE;
  let files: FleetFiles | null = null;
  let checks = 0;
  let lastCheckMs: number | null = null;
  let checkedAt: number | null = null;
  let problem: string | null = null;
  let records: readonly InstanceRecord[] = [];
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let retriedAfterSleep = false;
  let stopped = true;
  // After an open connection drops (or a token is rejected), launchd may need a moment to reap the
  // process and update its view: check at once, then every 200 ms for 2 s, before going back to the
  // interval. A dial that never opened (a gateway still starting) tells nothing new: it is re-dialled
  // at a regular check, or each respawn would cost 2 s of quick checks.
  let urgentUntil = 0;
  const connections = createHeldConnections((name, state, dropped) => {
    memory.healthz.due.add(name);
    if (state.kind === 'closed' && !dropped) return;
    if (dropped || state.kind === 'rejected') urgentUntil = ctx.clock.now() + URGENT_WINDOW_MS;
    if (dropped) keepLastWords(ctx, memory, name, tracked.get(name)?.pid ?? null);
    void monitor.checkNow();
  }, options.openConnection);
  const authOf = (name: string) => connections.auth(name);

  async function checkOnce(): Promise<void> {
    const started = performance.now();
    const begun = ctx.clock.now();
    if (files === null || checks % filesEvery === 0) files = await ctx.readFiles();
    const result = await checkFleet(ctx, files, tracked, memory, authOf, () => ctx.clock.now(), settings);
    checks++;
    const now = ctx.clock.now();
    // The Mac slept in the middle of this check: launchd's rows from before the sleep and the
    // details or port scan from after it do not describe one moment. Look again at once (the next
    // check still sees the gap, so the policy still sends its digest); only once, should checks
    // ever be slower than the gap.
    if (now - begun > notifySettings.sleepGapMs && !retriedAfterSleep) {
      retriedAfterSleep = true;
      again = true;
      return;
    }
    retriedAfterSleep = false;
    if (!result.ok) {
      problem = result.problem;
      failures++;
    } else {
      problem = null;
      failures = 0;
      records = result.records;
      // Read after launchd's view, so a restart that replaced a pid this check saw had announced it
      // by then; and only when some pid changed, the one case an announcement decides anything.
      const intents = anyPidChanged(tracked, result.observations)
        ? await ctx.readExitIntents().catch(() => [])
        : [];
      const events = foldObservations(fleet, result.observations, intents, now, settings, emitTransition);
      // A check that was under way when stop() closed the connections must not open them again:
      // a stopped monitor holds none (a leftover socket would keep `watch` alive after Ctrl-C).
      connections.reconcile(stopped ? new Map() : wantedConnections(result.records, tracked), now);
      for (const e of events) for (const l of eventListeners) l(e);
      const decided = decideNotifications(policy, events, now, notifySettings);
      policy = decided.state;
      for (const n of decided.notifications) options.notifier?.notify(n);
    }
    checkedAt = now;
    lastCheckMs = performance.now() - started;
    const snap = monitor.snapshot();
    for (const l of checkListeners) l(snap);
  }

  function schedule(): void {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    const delay = nextCheckDelay({
      now: ctx.clock.now(),
      intervalMs: settings.intervalMs,
      graceMs: settings.graceMs,
      failures,
      again,
      urgentUntil,
      tracked: tracked.values(),
    });
    again = false;
    timer = setTimeout(() => void monitor.checkNow(), delay);
  }

  const monitor: FleetMonitor = {
    start() {
      if (!stopped) return;
      stopped = false;
      void monitor.checkNow();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      connections.closeAll();
      await running;
    },
    async checkNow() {
      if (running !== null) {
        again = true;
        return running;
      }
      if (timer !== null) clearTimeout(timer);
      running = checkOnce()
        .catch((error: unknown) => {
          problem = `the check failed: ${error instanceof Error ? error.message : String(error)}`;
          failures++;
        })
        .finally(() => {
          running = null;
          schedule();
        });
      return running;
    },
    snapshot: () => monitorSnapshot({ tracked, history, records, checkedAt, problem, now: ctx.clock.now() }),
    onEvent: (l) => (eventListeners.add(l), () => eventListeners.delete(l)),
    onTransition: (l) => (transitionListeners.add(l), () => transitionListeners.delete(l)),
    onCheck: (l) => (checkListeners.add(l), () => checkListeners.delete(l)),
    stats: () => ({ checks, lastCheckMs }),
    configure(patch) {
      if (patch.settings) settings = { ...settings, ...patch.settings };
      if (patch.notifications) notifySettings = { ...notifySettings, ...patch.notifications };
      // A shorter interval applies now, not after the longer one has run out.
      if (patch.settings?.intervalMs !== undefined && running === null) schedule();
    },
  };
  return monitor;
}
