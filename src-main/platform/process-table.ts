// Ages of processes, for many pids in one `ps` call.
import { execa } from 'execa';
import { parsePsElapsed } from '../core/elapsed-time.ts';

export async function processAges(pids: readonly number[]): Promise<Map<number, number>> {
  if (pids.length === 0) return new Map();
  const result = await execa('ps', ['-o', 'pid=,etime=', '-p', pids.join(',')], {
    reject: false,
    timeout: 3000,
  });
  return parsePsElapsed(result.stdout);
}
