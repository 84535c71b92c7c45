// The filesystem moves of a migration. Copies keep modes, timestamps and symlinks as they are, and
// never overwrite; moves are renames inside the root (one filesystem, so a move is all or nothing).
import { chmod, constants, copyFile, cp, mkdir, rename, rmdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function copyFileExclusive(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  await copyFile(from, to, constants.COPYFILE_EXCL);
}

export async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  await cp(from, to, {
    recursive: true,
    errorOnExist: true,
    force: false,
    preserveTimestamps: true,
    // A symlink in the state (a workspace pointing elsewhere) is kept as the link, not followed.
    verbatimSymlinks: true,
  });
}

/** A new private dir; fails when something is already there, so nothing of the user's is merged into. */
export async function createPrivateDir(path: string): Promise<void> {
  await mkdir(path, { mode: 0o700 });
  // mkdir's mode is filtered by the umask.
  await chmod(path, 0o700);
}

export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
}

/** Moves a file, also between filesystems (the LaunchAgents dir and the root need not share one). */
export async function moveFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
    await unlink(from);
  }
}

/** Removes an empty dir; returns false (and leaves it) when something is inside. */
export async function removeIfEmpty(path: string): Promise<boolean> {
  try {
    await rmdir(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
}
