// Starting one instance of a job as launchd does: its own process group, stdin /dev/null,
// StandardOut/ErrorPath opened O_WRONLY|O_CREAT|O_APPEND, a clean environment, and the job's
// working directory. Anything that would make the exec fail is reported as a spawn failure,
// which the caller records as exit 78 (EX_CONFIG).
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { executableFor, jobEnvironment, type Account } from './job-environment.ts';
import { argvOf, type JobSpec } from './job-spec.ts';

export type SpawnResult = { ok: true; child: ChildProcess; pid: number } | { ok: false; reason: string };

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// What execve accepts: `#!` scripts, ELF (Linux) and Mach-O (macOS: thin 32/64-bit in either byte
// order, and universal binaries such as /bin/sh). macOS execve refuses a script without `#!`
// (ENOEXEC); glibc's execvp would instead run it with /bin/sh, so the simulator checks itself.
const BINARY_MAGICS = ['7f454c46', 'feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe', 'cafebabf'];

export function isExecutableHeader(header: Buffer): boolean {
  return header.toString('latin1', 0, 2) === '#!' || BINARY_MAGICS.includes(header.toString('hex', 0, 4));
}

function hasExecutableHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(4);
    return isExecutableHeader(header.subarray(0, readSync(fd, header, 0, 4, 0)));
  } finally {
    closeSync(fd);
  }
}

function openLog(path: string, cwd: string): number {
  return openSync(resolve(cwd, path), constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, 0o644);
}

export function spawnInstance(spec: JobSpec, account: Account): SpawnResult {
  // A WorkingDirectory that does not exist is logged by launchd and the job runs in `/`.
  const cwd =
    spec.workingDirectory !== undefined && isDirectory(resolve('/', spec.workingDirectory))
      ? resolve('/', spec.workingDirectory)
      : '/';
  const executable = resolve(cwd, executableFor(spec, isExecutableFile));
  if (!isExecutableFile(executable)) return { ok: false, reason: `cannot execute ${executable}` };
  try {
    if (!hasExecutableHeader(executable)) return { ok: false, reason: `exec format error: ${executable}` };
  } catch {
    return { ok: false, reason: `cannot read ${executable}` };
  }
  const fds: number[] = [];
  try {
    const stdio = (path: string | undefined): number | 'ignore' => {
      if (path === undefined) return 'ignore';
      fds.push(openLog(path, cwd));
      return fds[fds.length - 1] ?? 'ignore';
    };
    const out = stdio(spec.standardOutPath);
    const err = stdio(spec.standardErrorPath);
    const [argv0 = executable, ...args] = argvOf(spec);
    const child = spawn(executable, args, {
      argv0,
      cwd,
      env: jobEnvironment(spec, account),
      detached: true,
      stdio: ['ignore', out, err],
    });
    child.on('error', () => {
      // Reported through the missing pid below; the listener only keeps the error from throwing.
    });
    if (child.pid === undefined) return { ok: false, reason: `spawn failed for ${executable}` };
    return { ok: true, child, pid: child.pid };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}
