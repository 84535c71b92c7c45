// Shared bits of the simulator's integration tests: plist files, polling, process checks.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bplistCreator from 'bplist-creator';
import { build } from 'plist';
import { isRunning, readProcStat } from '../../launchd-sim/proc-info.ts';
import type { LaunchdSim } from '../../helpers/launchd-sim.ts';

export const FIXTURES = fileURLToPath(new URL('../../launchd-sim/fixtures/', import.meta.url));
export const fixture = (name: string) => join(FIXTURES, name);

type PlistDict = Parameters<typeof build>[0];

export function writePlist(
  dir: string,
  name: string,
  dict: Record<string, unknown>,
  options: { binary?: boolean; mode?: number } = {},
): string {
  const path = join(dir, `${name}.plist`);
  if (options.binary) writeFileSync(path, bplistCreator(dict));
  else writeFileSync(path, build(dict as PlistDict));
  chmodSync(path, options.mode ?? 0o644);
  return path;
}

export const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Gone = no such process, or a zombie nobody reaped (pid 1 here may not reap orphans). */
export function isGone(pid: number): boolean {
  return !isRunning(readProcStat(pid));
}

/** Top-level `key = value` fields of a `print` service output (one leading tab). */
export function printFields(stdout: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^\t([^\t=][^=]*?) = (.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined && match[2] !== '{')
      fields.set(match[1], match[2]);
  }
  return fields;
}

export async function printService(sim: LaunchdSim, label: string): Promise<Map<string, string>> {
  const result = await sim.run(['print', `${sim.domain}/${label}`]);
  if (result.exitCode !== 0)
    throw new Error(`print ${label} failed with ${result.exitCode}: ${result.stderr}`);
  return printFields(result.stdout);
}

export async function pidOf(sim: LaunchdSim, label: string): Promise<number | undefined> {
  const pid = (await printService(sim, label)).get('pid');
  return pid === undefined ? undefined : Number(pid);
}
