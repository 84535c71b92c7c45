// Everything a fleet operation needs from the outside world, as one bag of ports. The CLI, the app
// and the web host each build one (real-fleet-context.ts); operations never reach past it.
import type { StateDirOwner } from '../core/audit/audit-types.ts';
import type { FleetFiles } from '../core/fleet-facts.ts';
import type { Listener } from '../core/listeners.ts';
import type { ExitIntent } from '../core/monitor/exit-intents.ts';
import type { PathInspector } from '../core/path-facts.ts';
import type { LaunchdPort } from '../ports/launchd.ts';

export interface FleetLocation {
  root: string;
  agentsDir: string;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export type ListenerScanResult = { ok: true; listeners: Listener[] } | { ok: false; message: string };

export interface FleetContext {
  location: FleetLocation;
  uid: number;
  launchd: LaunchdPort;
  clock: Clock;
  readFiles(): Promise<FleetFiles>;
  scanListeners(): Promise<ListenerScanResult>;
  inspect: PathInspector;
  stateDirOwner(stateDir: string): Promise<StateDirOwner | null>;
  processAges(pids: readonly number[]): Promise<Map<number, number>>;
  probeHealthz(port: number, timeoutMs?: number): Promise<{ ok: true } | { ok: false; error: string }>;
  probeAuth(
    port: number,
    token: string,
  ): Promise<{ ok: true; bootId: string | null } | { ok: false; code: string; reason: string }>;
  readLogTail(path: string, maxBytes: number): Promise<string | null>;
  /** Tells every monitor on this machine that the product is about to end this pid (restart, stop). */
  announceExit(intent: ExitIntent): Promise<void>;
  /** The announcements of every process of the product, expired ones included. */
  readExitIntents(): Promise<ExitIntent[]>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
