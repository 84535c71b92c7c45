// The app's settings file (`<userData>/settings.json`): schema, defaults and migration. Pure; the
// file itself is read and written by settings-file.ts. Version 0 (the first app builds) had no
// `version` and one `notify` switch instead of per-event notifications.
import { z } from 'zod';
import { DEFAULT_MONITOR_SETTINGS } from '../core/monitor/monitor-types.ts';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../core/notify/notification-policy.ts';
import { FLEET_EVENT_TYPES, type FleetEventType } from '../shared/health-state.ts';

export const SETTINGS_VERSION = 1;

const absolutePath = z
  .string()
  .refine((p) => p.startsWith('/') && !p.includes('\0'), 'an absolute path')
  .nullable();

const perEvent = z.object(
  Object.fromEntries(FLEET_EVENT_TYPES.map((t) => [t, z.boolean()])) as Record<FleetEventType, z.ZodBoolean>,
);

export const appSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Time between checks while nothing happens. */
  intervalMs: z.number().int().min(1000).max(300_000),
  notifications: perEvent,
  /** Overrides of the container and LaunchAgents dir; null = environment, then the default. */
  rootDir: absolutePath,
  agentsDir: absolutePath,
  launchAtLogin: z.boolean(),
});

export type AppSettings = z.infer<typeof appSettingsSchema>;

export function defaultSettings(): AppSettings {
  return {
    version: SETTINGS_VERSION,
    intervalMs: DEFAULT_MONITOR_SETTINGS.intervalMs,
    notifications: { ...DEFAULT_NOTIFICATION_SETTINGS.enabled },
    rootDir: null,
    agentsDir: null,
    launchAtLogin: false,
  };
}

const version0Schema = z.object({
  version: z.literal(0).optional(),
  intervalMs: z.number().optional(),
  notify: z.boolean().optional(),
  rootDir: z.string().nullable().optional(),
  agentsDir: z.string().nullable().optional(),
  launchAtLogin: z.boolean().optional(),
});

export type ParsedSettings =
  | { kind: 'ok'; settings: AppSettings; migratedFrom: number | null }
  /** Written by a newer app: use defaults, but leave the file alone for that app. */
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; reason: string };

export function parseSettings(raw: unknown): ParsedSettings {
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? raw.version : 0;
  if (typeof version === 'number' && version > SETTINGS_VERSION) return { kind: 'newer', version };
  let candidate: unknown = raw;
  let migratedFrom: number | null = null;
  if (version === 0) {
    const old = version0Schema.safeParse(raw);
    if (!old.success) return { kind: 'invalid', reason: describe(old.error) };
    candidate = migrateFrom0(old.data);
    migratedFrom = 0;
  }
  const parsed = appSettingsSchema.safeParse(candidate);
  return parsed.success
    ? { kind: 'ok', settings: parsed.data, migratedFrom }
    : { kind: 'invalid', reason: describe(parsed.error) };
}

function migrateFrom0(old: z.infer<typeof version0Schema>): unknown {
  const defaults = defaultSettings();
  const notify = old.notify ?? true;
  return {
    version: SETTINGS_VERSION,
    intervalMs: old.intervalMs ?? defaults.intervalMs,
    notifications: Object.fromEntries(FLEET_EVENT_TYPES.map((t) => [t, notify])),
    rootDir: old.rootDir ?? null,
    agentsDir: old.agentsDir ?? null,
    launchAtLogin: old.launchAtLogin ?? defaults.launchAtLogin,
  };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ');
}
