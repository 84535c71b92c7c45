// Reads and writes `<userData>/settings.json`. A missing file means defaults; a corrupt or invalid
// one is copied to `settings-backups/` and replaced by defaults (the app must start either way);
// an old one is migrated and rewritten, the original kept in the backups. Writes are atomic.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { backupFile, writeFileAtomic } from '../platform/atomic-file.ts';
import { defaultSettings, parseSettings, type AppSettings } from './app-settings.ts';

export interface SettingsStore {
  readonly path: string;
  current(): AppSettings;
  update(patch: Partial<Omit<AppSettings, 'version'>>): Promise<AppSettings>;
}

export interface OpenedSettings {
  store: SettingsStore;
  /** What happened while reading, for the log (a backup, a migration). */
  notes: string[];
}

export async function openSettings(path: string): Promise<OpenedSettings> {
  const backupDir = join(dirname(path), 'settings-backups');
  const notes: string[] = [];
  let settings = defaultSettings();
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text !== null) {
    const json = parseJson(text);
    const parsed = json.ok
      ? parseSettings(json.value)
      : ({ kind: 'invalid', reason: 'not valid JSON' } as const);
    if (parsed.kind === 'ok') {
      settings = parsed.settings;
      if (parsed.migratedFrom !== null) {
        const { backupPath } = await write(path, settings, backupDir);
        notes.push(`settings migrated from version ${parsed.migratedFrom}; the old file is ${backupPath}`);
      }
    } else if (parsed.kind === 'newer') {
      notes.push(
        `settings.json is version ${parsed.version}, newer than this app: using defaults, file left as is`,
      );
    } else {
      const backupPath = await backupFile(path, backupDir);
      await write(path, settings);
      notes.push(
        `settings.json was invalid (${parsed.reason}); defaults in use, the bad file is ${backupPath}`,
      );
    }
  }

  const store: SettingsStore = {
    path,
    current: () => settings,
    async update(patch) {
      const next = { ...settings, ...patch };
      const checked = parseSettings(next);
      if (checked.kind !== 'ok')
        throw new Error(`invalid settings: ${checked.kind === 'invalid' ? checked.reason : ''}`);
      await write(path, checked.settings);
      settings = checked.settings;
      return settings;
    },
  };
  return { store, notes };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

async function write(
  path: string,
  settings: AppSettings,
  backupDir?: string,
): Promise<{ backupPath: string | null }> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  return writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`, {
    mode: 0o600,
    ...(backupDir === undefined ? {} : { backupDir }),
  });
}
