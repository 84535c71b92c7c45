// Runtime schemas for every payload of the contract (fleet-contract.ts). Hosts parse every request
// before acting on it; the renderer parses every push before it reaches the store. The `satisfies`
// clauses make a schema that drifts from its type a compile error.
import { z } from 'zod';
import { FLEET_EVENT_TYPES, HEALTH_STATES } from './health-state.ts';
import type { InvokeContracts, InvokeName, PushContracts, PushName } from './fleet-contract.ts';

// Instance names are checked here before they reach a path or a launchctl argument.
const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'an instance name: 1-32 of a-z, 0-9, -');
const nameRequest = z.object({ name }).strict();
const iso = z.string();
const layerState = z.enum(['ok', 'failed', 'unknown', 'skipped']);
const outcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.string() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

const instanceView = z.object({
  name: z.string(),
  label: z.string(),
  port: z.number().int().nullable(),
  pid: z.number().int().nullable(),
  health: z.enum(HEALTH_STATES),
  reason: z.string().nullable(),
  since: iso,
  uptimeMs: z.number().nullable(),
  restartsLastHour: z.number().int(),
  layers: z.object({
    plist: layerState,
    loaded: layerState,
    process: layerState,
    port: layerState,
    healthz: layerState,
    auth: layerState,
  }),
  lastCrash: z
    .object({
      at: iso,
      exit: z.string(),
      lastErrorLine: z.string().nullable(),
      lastLines: z.array(z.string()),
    })
    .nullable(),
  paths: z.object({ stateDir: z.string(), plistPath: z.string(), logPath: z.string() }),
  busy: z.enum(['restart', 'start', 'stop', 'remove']).nullable(),
});

const eventView = z.object({
  type: z.enum(FLEET_EVENT_TYPES),
  instance: z.string(),
  at: iso,
  reason: z.string(),
});

const fleetView = z.object({
  checkedAt: iso.nullable(),
  problem: z.string().nullable(),
  instances: z.array(instanceView),
  recentEvents: z.array(eventView),
});

const notificationSwitches = z.object(
  Object.fromEntries(FLEET_EVENT_TYPES.map((t) => [t, z.boolean()])) as Record<
    (typeof FLEET_EVENT_TYPES)[number],
    z.ZodBoolean
  >,
);
// An override is an absolute path, or null for "environment, then the default".
const dirOverride = z
  .string()
  .refine((p) => p.startsWith('/') && !p.includes('\0') && p.length <= 1024, 'an absolute path')
  .nullable();
const settingsValues = z.object({
  intervalMs: z.number().int().min(1000).max(300_000),
  notifications: notificationSwitches,
  rootDir: dirOverride,
  agentsDir: dirOverride,
  launchAtLogin: z.boolean(),
});
const settingsView = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    values: settingsValues,
    inUse: z.object({ root: z.string(), agentsDir: z.string() }),
    relaunchNeeded: z.boolean(),
  }),
  z.object({ available: z.literal(false), message: z.string() }),
]);

export const REQUEST_SCHEMAS = {
  getSnapshot: z.null(),
  restart: nameRequest,
  start: nameRequest,
  stop: nameRequest,
  add: z.object({ name, port: z.number().int().min(1024).max(65535).nullable() }).strict(),
  remove: nameRequest,
  runAudit: z.null(),
  suggestPort: z.null(),
  revealToken: nameRequest,
  openLogs: nameRequest,
  getSettings: z.null(),
  updateSettings: settingsValues
    .extend({ notifications: notificationSwitches.partial().strict() })
    .partial()
    .strict(),
  relaunchApp: z.null(),
} satisfies { [K in InvokeName]: z.ZodType<InvokeContracts[K]['request']> };

export const RESPONSE_SCHEMAS = {
  getSnapshot: fleetView,
  restart: outcome,
  start: outcome,
  stop: outcome,
  add: outcome,
  remove: outcome,
  runAudit: z.object({
    ok: z.boolean(),
    findings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['error', 'warning']),
        instance: z.string().nullable(),
        message: z.string(),
        fix: z.string(),
      }),
    ),
  }),
  suggestPort: z.object({ port: z.number().int().nullable() }),
  revealToken: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), token: z.string() }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]),
  openLogs: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), path: z.string(), lines: z.array(z.string()) }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]),
  getSettings: settingsView,
  updateSettings: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), message: z.string(), settings: settingsView }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]),
  relaunchApp: outcome,
} satisfies { [K in InvokeName]: z.ZodType<InvokeContracts[K]['response']> };

export const PUSH_SCHEMAS = {
  snapshot: fleetView,
  event: eventView,
  notification: z.object({
    id: z.string(),
    kind: z.enum(['new', 'update', 'digest']),
    instance: z.string().nullable(),
    title: z.string(),
    body: z.string(),
  }),
  uiHint: z.object({ view: z.enum(['list', 'audit']), instance: name.nullable() }).strict(),
} satisfies { [K in PushName]: z.ZodType<PushContracts[K]> };
