// Whatever the host, nothing it sends reaches the store unparsed: replies and pushes go through the
// contract's schemas, and a push that does not parse is dropped rather than half-applied.
import './zod-jitless.ts';
import { PUSH_SCHEMAS, RESPONSE_SCHEMAS } from '../src-main/shared/fleet-contract-schemas.ts';
import {
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  type FleetBridge,
  type InvokeContracts,
  type InvokeName,
  type PushContracts,
  type PushName,
} from '../src-main/shared/fleet-contract.ts';

export const INVOKE_NAMES = Object.keys(INVOKE_CHANNELS) as InvokeName[];

export function isPushName(channel: unknown): channel is PushName {
  return typeof channel === 'string' && Object.hasOwn(PUSH_CHANNELS, channel);
}

/** The payload when it matches the channel's schema, otherwise undefined. */
export function parsePush<K extends PushName>(channel: K, payload: unknown): PushContracts[K] | undefined {
  const parsed = PUSH_SCHEMAS[channel].safeParse(payload);
  if (parsed.success) return parsed.data as PushContracts[K];
  console.warn(`fleet: dropped a malformed ${channel} push`);
  return undefined;
}

export function parseReply<K extends InvokeName>(
  channel: K,
  result: unknown,
): InvokeContracts[K]['response'] {
  const parsed = RESPONSE_SCHEMAS[channel].safeParse(result);
  if (!parsed.success) throw new Error(`The fleet host sent a malformed ${channel} reply`);
  return parsed.data as InvokeContracts[K]['response'];
}

/** The Electron preload's bridge, with every reply and push checked like the web host's. */
export function guardBridge(inner: FleetBridge): FleetBridge {
  const methods: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of INVOKE_NAMES) {
    const method = inner[channel] as (request: unknown) => Promise<unknown>;
    methods[channel] = async (request) => parseReply(channel, await method.call(inner, request));
  }
  return {
    ...(methods as Omit<FleetBridge, 'subscribe'>),
    subscribe(channel, listener) {
      return inner.subscribe(channel, (payload: unknown) => {
        const parsed = parsePush(channel, payload);
        if (parsed !== undefined) listener(parsed);
      });
    },
  };
}
