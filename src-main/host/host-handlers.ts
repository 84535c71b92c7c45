// The one entry for every invoke, whatever the transport: the channel must be a contract channel,
// the payload must parse with its schema (names are checked before they reach a path or launchctl),
// and the response is parsed too, so a field the contract does not name never crosses the bridge.
import { INVOKE_CHANNELS, type InvokeName } from '../shared/fleet-contract.ts';
import { REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from '../shared/fleet-contract-schemas.ts';
import type { InvokeImplementations } from './fleet-service.ts';

export type HandleResult = { ok: true; result: unknown } | { ok: false; error: string };

export interface HostHandlers {
  handle(channel: unknown, payload: unknown): Promise<HandleResult>;
}

export function isInvokeName(channel: unknown): channel is InvokeName {
  return typeof channel === 'string' && Object.hasOwn(INVOKE_CHANNELS, channel);
}

export function createHostHandlers(impl: InvokeImplementations): HostHandlers {
  return {
    async handle(channel, payload) {
      if (!isInvokeName(channel)) return { ok: false, error: `unknown channel ${JSON.stringify(channel)}` };
      const request = REQUEST_SCHEMAS[channel].safeParse(payload);
      if (!request.success) {
        return {
          ok: false,
          error: `invalid payload for ${channel}: ${request.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`,
        };
      }
      try {
        const run = impl[channel] as (request: unknown) => Promise<unknown>;
        const response = RESPONSE_SCHEMAS[channel].safeParse(await run(request.data));
        if (!response.success)
          return { ok: false, error: `internal error: the ${channel} response broke the contract` };
        return { ok: true, result: response.data };
      } catch (error) {
        return {
          ok: false,
          error: `${channel} failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    },
  };
}
