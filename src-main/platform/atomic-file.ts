// Every file the product changes is written to a temp file in the same directory, flushed, then
// renamed over the target, so a crash leaves either the old file or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  mode: number;
  /** When set and the target exists, a copy is kept here before it changes. */
  backupDir?: string;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions,
): Promise<{ backupPath: string | null }> {
  const backupPath = options.backupDir === undefined ? null : await backupFile(path, options.backupDir);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', options.mode);
  try {
    await handle.writeFile(data);
    // The mode passed to open is filtered by the umask; set it explicitly so 0600 really is 0600.
    await handle.chmod(options.mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  return { backupPath };
}

/** Copies `path` into `backupDir` under a timestamped name; returns null when there is nothing to keep. */
export async function backupFile(path: string, backupDir: string): Promise<string | null> {
  try {
    await stat(path);
  } catch {
    return null;
  }
  await mkdir(backupDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(backupDir, `${basename(path)}.${stamp}.${randomBytes(3).toString('hex')}.bak`);
  await copyFile(path, target);
  return target;
}
