// Exit intents (core/monitor/exit-intents.ts) as files, one per instance, so every process of the
// product on this machine sees them: written atomically (a reader sees the old record or the new
// one), read by monitors at every check (a directory listing, no subprocess).
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseExitIntent, type ExitIntent } from '../core/monitor/exit-intents.ts';
import { writeFileAtomic } from './atomic-file.ts';

export async function writeExitIntent(dir: string, intent: ExitIntent): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(join(dir, `${intent.name}.json`), `${JSON.stringify(intent)}\n`, { mode: 0o600 });
}

/** Every readable record (expired ones too: the caller knows the time); none when the dir is absent. */
export async function readExitIntents(dir: string): Promise<ExitIntent[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const records = await Promise.all(
    entries
      .filter((e) => e.endsWith('.json') && !e.startsWith('.'))
      .map((e) => readFile(join(dir, e), 'utf8').then(parseExitIntent, () => null)),
  );
  return records.filter((r): r is ExitIntent => r !== null);
}
