import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDir } from '../../src-main/fleet/fleet-dirs.ts';
import { InstanceBusyError, lockInstance } from '../../src-main/fleet/instance-lock.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ocf-lock-race-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('lockInstance under contention', () => {
  it('gives the lock to exactly one of many simultaneous takers', async () => {
    for (let round = 0; round < 20; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => lockInstance(root, 'luca', 'restart')),
      );
      const held = results.filter((r) => r.status === 'fulfilled');
      expect(held, `round ${round}`).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(InstanceBusyError);
      }
      await (held[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
    }
    // No drafts left behind.
    expect(readdirSync(lockDir(root))).toEqual([]);
  });
});
