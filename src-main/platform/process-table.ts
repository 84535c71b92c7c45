// Ages of processes, for many pids in one `ps` call. One `-o` per column: BSD ps (FreeBSD's, from
// which macOS ps descends) may read everything after `=` as the header text, commas included, so
// `-o pid=,etime=` is not portable; separate `-o` options mean the same on BSD and procps.
import { execa } from 'execa';
import { parsePsElapsed } from '../core/elapsed-time.ts';

export async function processAges(pids: readonly number[]): Promise<Map<number, number>> {
  if (pids.length === 0) return new Map();
  const result = await execa('ps', ['-o', 'pid=', '-o', 'etime=', '-p', pids.join(',')], {
    reject: false,
    timeout: 3000,
  });
  return parsePsElapsed(result.stdout);
}
