// One lsof call lists every TCP listener of the user; the fleet's ports are looked up in it.
import { execa } from 'execa';
import { parseLsofListeners, type Listener } from '../core/listeners.ts';

export interface ListenerScanOptions {
  lsofPath?: string;
  timeoutMs?: number;
}

export type ListenerScan = { ok: true; listeners: Listener[] } | { ok: false; message: string };

export async function scanListeners(options: ListenerScanOptions = {}): Promise<ListenerScan> {
  const lsof = options.lsofPath ?? 'lsof';
  const result = await execa(lsof, ['-nP', '-iTCP', '-sTCP:LISTEN', '-Fpcn'], {
    reject: false,
    timeout: options.timeoutMs ?? 5000,
    stdin: 'ignore',
  });
  if (result.timedOut)
    return { ok: false, message: `${lsof} did not answer within ${options.timeoutMs ?? 5000} ms` };
  // lsof exits 1 with no output when nothing matches: that is an empty answer, not a failure.
  if (result.exitCode === 1 && result.stdout.trim() === '') return { ok: true, listeners: [] };
  if (result.failed && result.exitCode === undefined) {
    return { ok: false, message: `cannot run ${lsof}: install it (Debian: apt-get install lsof)` };
  }
  if (result.exitCode !== 0 && result.stdout.trim() === '') {
    return { ok: false, message: `${lsof} failed with exit ${result.exitCode}: ${result.stderr.trim()}` };
  }
  return { ok: true, listeners: parseLsofListeners(result.stdout) };
}
