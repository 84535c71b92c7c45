// Real host handlers (real validation) over recording implementations, for the IPC tests.
import { createHostHandlers } from '../../../src-main/host/host-handlers.ts';
import type { InvokeImplementations } from '../../../src-main/host/fleet-service.ts';
import type { InvokeName } from '../../../src-main/shared/fleet-contract.ts';
import { fleetView } from '../../fakes/fleet-host.ts';

export function recordingHandlers(overrides: Partial<InvokeImplementations> = {}) {
  const ran: { name: InvokeName; request: unknown }[] = [];
  const outcome = (name: InvokeName) => async (request: unknown) => {
    ran.push({ name, request });
    return { ok: true, message: `${name} done` };
  };
  const impl: InvokeImplementations = {
    getSnapshot: async (request) => (ran.push({ name: 'getSnapshot', request }), fleetView([])),
    restart: outcome('restart'),
    start: outcome('start'),
    stop: outcome('stop'),
    add: outcome('add'),
    remove: outcome('remove'),
    runAudit: async () => ({ ok: true, findings: [] }),
    suggestPort: async () => ({ port: 18789 }),
    revealToken: async () => ({ ok: false, message: 'no token' }),
    openLogs: async () => ({ ok: false, message: 'no log' }),
    getSettings: async () => ({ available: false, message: 'no settings' }),
    updateSettings: async (request) => (
      ran.push({ name: 'updateSettings', request }), { ok: false, message: 'not saved' }
    ),
    relaunchApp: outcome('relaunchApp'),
  };
  return { handlers: createHostHandlers({ ...impl, ...overrides }), ran };
}
