// "Open Dashboard in Browser": the web host of `serve`, started on demand on 127.0.0.1 (a random
// port and token) on the app's own fleet host, so the browser and the popover share one monitor.
// Opened again, it reuses the running one; it stops when the app quits.
import type { FleetHost } from '../host/fleet-host.ts';
import { rendererBuilt } from '../web/serve-fleet.ts';
import { startWebHost, type WebHost, type WebHostOptions } from '../web/web-host.ts';
import { createSessionHub } from '../web/web-sessions.ts';

export interface DashboardOptions {
  host: Pick<FleetHost, 'handlers' | 'view' | 'onPush'>;
  staticDir: string;
  openExternal(url: string): Promise<void>;
  start?: (options: WebHostOptions) => Promise<WebHost>;
}

export interface Dashboard {
  open(): Promise<void>;
  /** The running dashboard's URL (with its token), or null. */
  url(): string | null;
  close(): Promise<void>;
}

export function createDashboard(o: DashboardOptions): Dashboard {
  const start = o.start ?? startWebHost;
  let running: Promise<{ web: WebHost; unsubscribe: () => void }> | null = null;
  let current: WebHost | null = null;

  async function launch(): Promise<{ web: WebHost; unsubscribe: () => void }> {
    if (!rendererBuilt(o.staticDir))
      throw new Error(`the dashboard is not built: ${o.staticDir} has no index.html`);
    const hub = createSessionHub(o.host.handlers, () => o.host.view());
    const unsubscribe = o.host.onPush((channel, payload) => hub.push(channel, payload));
    try {
      const web = await start({ staticDir: o.staticDir, port: 0, hub });
      current = web;
      return { web, unsubscribe };
    } catch (error) {
      unsubscribe();
      throw error;
    }
  }

  return {
    async open() {
      running ??= launch();
      try {
        const { web } = await running;
        await o.openExternal(web.url);
      } catch (error) {
        if (current === null) running = null;
        throw error;
      }
    },
    url: () => current?.url ?? null,
    async close() {
      const was = running;
      running = null;
      current = null;
      if (was === null) return;
      const { web, unsubscribe } = await was.catch(() => ({ web: null, unsubscribe: () => {} }));
      unsubscribe();
      await web?.close();
    },
  };
}
