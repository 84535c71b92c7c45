// Moves a file or directory into a backup folder under a timestamped name instead of deleting it:
// the fleet never destroys a plist or a state dir (its log, its token, its workspace) on its own.
import { cp, lstat, mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * `<dir>/<name>.<stamp><ext>`, where a leading dot is dropped so the backup is not hidden and the
 * extension stays last so `ai.openclaw.x.<stamp>.plist` still opens as a plist. Returns the new path.
 */
export async function moveAside(path: string, backupDir: string, ext = ''): Promise<string> {
  await mkdir(backupDir, { recursive: true, mode: 0o700 });
  const base = basename(path).replace(/^\.+/, '');
  const stem = ext !== '' && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let target = join(backupDir, `${stem}.${stamp}${ext}`);
  // rename() silently replaces a file (or an empty dir) of the same name; two moves in one
  // millisecond must not lose one of them.
  for (let n = 2; await exists(target); n++) target = join(backupDir, `${stem}.${stamp}-${n}${ext}`);
  try {
    await rename(path, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // LaunchAgents and the container can sit on different volumes: copy (keeping modes), then drop.
    await cp(path, target, {
      recursive: true,
      errorOnExist: true,
      force: false,
      preserveTimestamps: true,
      verbatimSymlinks: true,
    });
    await rm(path, { recursive: true, force: true });
  }
  return target;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
