// One lsof call lists every TCP listener of the user; the fleet's ports are looked up in it.
import { runProgram } from './run-program.ts';
import { parseLsofListeners, type Listener } from '../core/listeners.ts';

export interface ListenerScanOptions {
  lsofPath?: string;
  timeoutMs?: number;
}

export type ListenerScan = { ok: true; listeners: Listener[] } | { ok: false; message: string };

export async function scanListeners(options: ListenerScanOptions = {}): Promise<ListenerScan> {
  const lsof = options.lsofPath ?? 'lsof';
  const timeoutMs = options.timeoutMs ?? 5000;
  const result = await runProgram(lsof, ['-nP', '-iTCP', '-sTCP:LISTEN', '-Fpcn'], { timeoutMs });
  if (result.kind === 'timed-out')
    return { ok: false, message: `${lsof} did not answer within ${timeoutMs} ms` };
  if (result.kind === 'did-not-run') {
    return result.reason === 'ENOENT'
      ? { ok: false, message: `cannot run ${lsof}: install it (Debian: apt-get install lsof)` }
      : { ok: false, message: `${lsof} did not run: ${result.reason}` };
  }
  // lsof exits 1 with no output when nothing matches: that is an empty answer, not a failure.
  if (result.exitCode === 1 && result.stdout.trim() === '') return { ok: true, listeners: [] };
  if (result.exitCode !== 0 && result.stdout.trim() === '') {
    return { ok: false, message: `${lsof} failed with exit ${result.exitCode}: ${result.stderr.trim()}` };
  }
  return { ok: true, listeners: parseLsofListeners(result.stdout) };
}
