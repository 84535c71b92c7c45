// A fresh fleet env per test for the monitor tests, and the monitors watching it stopped after.
// Kept apart from monitor-kit.ts because it registers vitest hooks when called; monitor-kit is
// plain functions that other tiers import too.
import { afterEach, beforeEach } from 'vitest';
import { createFleetEnv, type FleetEnv } from './fleet-env.ts';
import { watchFleet, type WatchedFleet } from './monitor-kit.ts';

export interface MonitorFleet {
  /** This test's env; created in beforeEach, cleaned up in afterEach. */
  readonly env: FleetEnv;
  /** watchFleet on this test's env; its monitor is stopped before the env is cleaned up. */
  watch(options?: Parameters<typeof watchFleet>[1]): WatchedFleet;
}

/**
 * Call at the top of a test file. A file's own afterEach registered after this call runs before
 * the monitors stop (vitest's default `sequence.hooks: 'stack'` runs afterEach hooks last-first):
 * the place to release what a stop would wait on. One registered before this call runs after
 * the env is cleaned up.
 */
export function useMonitorFleet(options: { timeScale?: number } = {}): MonitorFleet {
  let env: FleetEnv | null = null;
  let watched: WatchedFleet[] = [];
  beforeEach(() => {
    env = createFleetEnv({ timeScale: options.timeScale ?? 0.05 });
  });
  afterEach(async () => {
    const stopping = watched;
    watched = [];
    try {
      // A monitor left running would keep probing gateways the cleanup is killing.
      for (const w of stopping) await w.monitor.stop();
    } finally {
      await env?.cleanup();
      env = null;
    }
  });
  const current = (): FleetEnv => {
    if (env === null) throw new Error('useMonitorFleet: the env exists only while a test runs');
    return env;
  };
  return {
    get env() {
      return current();
    },
    watch(watchOptions) {
      const w = watchFleet(current(), watchOptions);
      watched.push(w);
      return w;
    },
  };
}
