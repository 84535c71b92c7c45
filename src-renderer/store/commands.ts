// What the popover asks of the host. Each command records its start and its outcome in the store,
// so a component only fires it and renders state; a transport error becomes a failed outcome.
import type { ActionOutcome } from '../../src-main/shared/fleet-contract.ts';
import type { Host } from '../bridge.ts';
import { useFleetStore } from './fleet-store.ts';
import { selectRowBusy } from './selectors.ts';
import type { RowAction } from './ui-slice.ts';

/** How long a revealed token may sit in memory if the clipboard never answers. */
export const TOKEN_HOLD_MS = 30_000;

const store = () => useFleetStore.getState();

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One action per row at a time, whoever started it; the host would refuse a second anyway. */
const running = (name: string) => selectRowBusy(name)(store());

export async function runRowAction(host: Host, name: string, action: RowAction): Promise<void> {
  if (running(name)) return;
  store().taskStarted(name, action);
  let outcome: ActionOutcome;
  try {
    outcome = await host.bridge[action]({ name });
  } catch (error) {
    outcome = { ok: false, message: errorText(error) };
  }
  store().taskSettled(name, action, outcome);
}

export async function loadLogs(host: Host, name: string): Promise<void> {
  if (running(name)) return;
  store().taskStarted(name, 'logs');
  try {
    const tail = await host.bridge.openLogs({ name });
    if (tail.ok) {
      store().logsLoaded({ name, path: tail.path, lines: tail.lines });
      store().taskSettled(name, 'logs', { ok: true, message: `Last ${tail.lines.length} lines of the log` });
    } else store().taskSettled(name, 'logs', tail);
  } catch (error) {
    store().taskSettled(name, 'logs', { ok: false, message: errorText(error) });
  }
}

/**
 * Reveals one token and hands it straight to the clipboard; it is never rendered. The store holds
 * it only until the write settles, and at most TOKEN_HOLD_MS if the write hangs.
 */
export async function copyToken(host: Host, name: string): Promise<void> {
  if (running(name)) return;
  store().taskStarted(name, 'token');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('The clipboard did not answer within 30 s; the token was dropped')),
      TOKEN_HOLD_MS,
    );
  });
  const token = host.bridge.revealToken({ name }).then((reply) => {
    if (!reply.ok) throw new Error(reply.message);
    store().tokenRevealed(name, reply.token);
    return reply.token;
  });
  try {
    await Promise.race([host.copyText(token), gaveUp]);
    store().taskSettled(name, 'token', { ok: true, message: 'Token copied to the clipboard' });
  } catch (error) {
    store().taskSettled(name, 'token', { ok: false, message: errorText(error) });
  } finally {
    clearTimeout(timer);
    store().tokenCleared(name);
  }
}

export async function runAudit(host: Host): Promise<void> {
  if (store().audit.phase === 'running') return;
  store().auditStarted();
  try {
    const result = await host.bridge.runAudit(null);
    store().auditLoaded(result.ok, result.findings);
  } catch (error) {
    store().auditFailed(errorText(error));
  }
}

export async function addInstance(host: Host, name: string, port: number | null): Promise<void> {
  if (store().add.phase === 'running') return;
  store().addStarted(name);
  let outcome: ActionOutcome;
  try {
    outcome = await host.bridge.add({ name, port });
  } catch (error) {
    outcome = { ok: false, message: errorText(error) };
  }
  store().addSettled(name, outcome);
}

export async function enableNotifications(host: Host): Promise<void> {
  store().notificationsChanged(await host.notifier.request());
}
