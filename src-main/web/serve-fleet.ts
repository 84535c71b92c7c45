// Runs a fleet host behind the web host until asked to stop: what `serve` and `demo` share.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { FleetContext } from '../fleet/fleet-context.ts';
import { createFleetHost, type FleetHostOptions } from '../host/fleet-host.ts';
import { startWebHost, type WebHost } from './web-host.ts';
import { createSessionHub } from './web-sessions.ts';

/** Where `npm run build:renderer` puts the dashboard. */
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export function rendererBuilt(dir = RENDERER_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}

export interface ServedFleet {
  web: WebHost;
  /** Resolves after the monitor's first check, when the snapshot holds the fleet. */
  monitorReady: Promise<void>;
  stop(): Promise<void>;
}

export async function serveFleet(
  ctx: FleetContext,
  options: FleetHostOptions & { port: number; staticDir?: string; token?: string },
): Promise<ServedFleet> {
  const host = createFleetHost(ctx, options);
  const hub = createSessionHub(host.handlers, () => host.view());
  host.onPush((channel, payload) => hub.push(channel, payload));
  const web = await startWebHost({
    staticDir: options.staticDir ?? RENDERER_DIR,
    port: options.port,
    hub,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const monitorReady = new Promise<void>((resolve) => {
    const off = host.monitor.onCheck(() => {
      off();
      resolve();
    });
  });
  host.start();
  return {
    web,
    monitorReady,
    async stop() {
      await host.stop();
      await web.close();
    },
  };
}
