// The contract's invoke side, on the real core: every channel of fleet-contract.ts implemented once,
// for the Electron main process and the web host alike. Payloads arrive already validated
// (host-handlers.ts); actions report their verified outcome and ask the monitor to look again.
import { runAudit } from '../core/audit/run-audit.ts';
import { suggestBasePort } from '../core/port-plan.ts';
import { redactToken } from '../core/redact-token.ts';
import { addInstance } from '../fleet/add-instance.ts';
import type { OperationResult } from '../fleet/control-instance.ts';
import type { FleetContext } from '../fleet/fleet-context.ts';
import { auditInputOf, gatherFleet } from '../fleet/gather-fleet.ts';
import type { FleetMonitor } from '../fleet/monitor/fleet-monitor.ts';
import { removeInstance } from '../fleet/remove-instance.ts';
import { restartInstance } from '../fleet/restart-instance.ts';
import { startInstance } from '../fleet/start-instance.ts';
import { stopInstance } from '../fleet/stop-instance.ts';
import { parseGatewayConfig } from '../core/gateway-config.ts';
import { lastLines } from '../core/last-error-line.ts';
import { instanceLogPath } from '../core/plist-contract.ts';
import type { ActionOutcome, InvokeContracts, InvokeName, InstanceView } from '../shared/fleet-contract.ts';

export type InvokeImplementations = {
  [K in InvokeName]: (request: InvokeContracts[K]['request']) => Promise<InvokeContracts[K]['response']>;
};

export interface FleetServiceOptions {
  ctx: FleetContext;
  monitor: FleetMonitor;
  /** Node and OpenClaw entry for new instances (detected or configured by the composition root). */
  runtime: () => Promise<{ nodePath: string; entryPath: string } | { error: string }>;
  /** Asked for on every snapshot request; the host tracks which instance has an action running. */
  busy: Map<string, NonNullable<InstanceView['busy']>>;
  onBusyChange: () => void;
  serveTimeoutMs?: number;
}

/** The channels the host answers itself: the snapshot it keeps, and the shell's own settings. */
type HostOwnChannels = 'getSnapshot' | 'getSettings' | 'updateSettings' | 'relaunchApp';

export function createFleetService(o: FleetServiceOptions): Omit<InvokeImplementations, HostOwnChannels> {
  const timeoutMs = o.serveTimeoutMs ?? 60_000;
  const never = new Promise<void>(() => {});

  async function action(
    name: string,
    kind: NonNullable<InstanceView['busy']>,
    run: () => Promise<OperationResult>,
  ): Promise<ActionOutcome> {
    if (o.busy.has(name)) return { ok: false, message: `${name} is busy: ${o.busy.get(name)} is running` };
    o.busy.set(name, kind);
    o.onBusyChange();
    try {
      const result = await run();
      return result.kind === 'ok'
        ? { ok: true, message: result.lines.join('\n') }
        : { ok: false, message: result.message };
    } finally {
      o.busy.delete(name);
      o.onBusyChange();
      void o.monitor.checkNow();
    }
  }

  return {
    restart: ({ name }) =>
      // restartInstance announces the exit it causes (fleet/announce-exit.ts): no `exited` event.
      action(name, 'restart', () =>
        restartInstance(o.ctx, name, { timeoutMs, interrupted: never, progress: () => {} }),
      ),
    start: ({ name }) =>
      action(name, 'start', () =>
        startInstance(o.ctx, name, { timeoutMs, interrupted: never, progress: () => {} }),
      ),
    stop: ({ name }) => action(name, 'stop', () => stopInstance(o.ctx, name, { progress: () => {} })),
    async add({ name, port }) {
      const runtime = await o.runtime();
      if ('error' in runtime) return { ok: false, message: runtime.error };
      const result = await addInstance(o.ctx, { name, port, ...runtime, start: true, timeoutMs });
      void o.monitor.checkNow();
      switch (result.kind) {
        case 'added':
          return {
            ok: true,
            message:
              `added ${name}: ${result.instance.label} on port ${result.instance.port}` +
              (result.started ? `, pid ${result.started.pid}` : ''),
          };
        case 'rolled-back':
          return {
            ok: false,
            message: `could not add ${name}: ${result.cause} (everything it created was rolled back)`,
          };
        default:
          return { ok: false, message: result.message };
      }
    },
    remove: ({ name }) =>
      action(name, 'remove', async () => {
        const result = await removeInstance(o.ctx, { name, purgeState: false });
        if (result.kind !== 'removed') return result;
        return { kind: 'ok', lines: [`removed ${name}: plist moved to the backups; state dir kept`] };
      }),
    async runAudit() {
      const snapshot = await gatherFleet(o.ctx, { details: true });
      const report = runAudit(auditInputOf(snapshot, o.ctx));
      return {
        ok: report.ok,
        findings: report.findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          instance: f.instance,
          message: f.message,
          fix: f.fix,
        })),
      };
    },
    async suggestPort() {
      const snapshot = await gatherFleet(o.ctx, { details: false });
      const ports = snapshot.discovery.instances.flatMap((i) => (i.port === null ? [] : [i.port]));
      return { port: suggestBasePort(ports, new Set((snapshot.listeners ?? []).map((l) => l.port))) };
    },
    async revealToken({ name }) {
      const token = await tokenOfInstance(o.ctx, name);
      return token === null
        ? { ok: false, message: `${name} has no token in its openclaw.json` }
        : { ok: true, token };
    },
    async openLogs({ name }) {
      const snapshot = o.monitor.snapshot().instances.find((i) => i.name === name);
      if (snapshot === undefined) return { ok: false, message: `unknown instance '${name}'` };
      const path = instanceLogPath(snapshot.stateDir);
      const tail = await o.ctx.readLogTail(path, 64 * 1024);
      if (tail === null) return { ok: false, message: `no log yet: ${path} does not exist` };
      const token = await tokenOfInstance(o.ctx, name);
      return { ok: true, path, lines: lastLines(tail, 200).map((l) => redactToken(l, token)) };
    },
  };
}

/** Read fresh from openclaw.json at the moment it is asked for; never cached in the host. */
async function tokenOfInstance(ctx: FleetContext, name: string): Promise<string | null> {
  const dir = (await ctx.readFiles()).stateDirs.find((d) => d.suffix === name);
  const parsed = dir?.config.text == null ? null : parseGatewayConfig(dir.config.text);
  return parsed?.ok ? parsed.view.token : null;
}
