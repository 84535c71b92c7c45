import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDemoFleet } from '../../../src-main/cli/demo-fleet.ts';
import { fleetStatus } from '../../../src-main/fleet/fleet-status.ts';
import { eventually } from '../../helpers/fleet-fixture.ts';

describe('the demo fleet', () => {
  it('has one healthy, one crash-looping and one stopped instance, and leaves nothing behind', async () => {
    const lines: string[] = [];
    const demo = await createDemoFleet((l) => lines.push(l));
    let pids: number[] = [];
    try {
      expect(lines.map((l) => l.trim().split(':')[0])).toEqual(['luca', 'critic', 'scout']);
      const status = await eventually(
        () => fleetStatus(demo.ctx),
        (s) => s.instances.find((i) => i.name === 'critic')?.health === 'crash-loop',
        20_000,
      );
      const health = Object.fromEntries(status.instances.map((i) => [i.name, i.health]));
      expect(health).toEqual({ critic: 'crash-loop', luca: 'healthy', scout: 'stopped' });
      pids = status.instances.flatMap((i) => (i.launchd.pid === null ? [] : [i.launchd.pid]));
    } finally {
      await demo.teardown();
    }
    expect(existsSync(demo.dir)).toBe(false);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
