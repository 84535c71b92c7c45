import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFleetFilesReader } from '../../../src-main/platform/fleet-files-reader.ts';
import { readConfigFile } from '../../../src-main/platform/fleet-files.ts';
import { readPlistFile } from '../../../src-main/platform/plist-file.ts';
import { eventually, installInstance } from '../../helpers/fleet-fixture.ts';
import { useMonitorFleet } from '../../helpers/monitor-fleet.ts';
import { contextFor } from '../../helpers/monitor-kit.ts';
import { freePort } from '../../helpers/stub-gateway.ts';

const fleet = useMonitorFleet();

/** As if written a minute ago: out of the window in which the reader trusts no stat. */
function age(path: string): void {
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

describe('monitor: re-reading the fleet files', () => {
  it('parses an unchanged plist or config once, and still sees an edited plist at the next read', async () => {
    const ana = await installInstance(fleet.env, 'ana', await freePort());
    const ben = await installInstance(fleet.env, 'ben', await freePort());
    for (const i of [ana, ben]) for (const path of [i.plistPath, `${i.stateDir}/openclaw.json`]) age(path);
    const reads: string[] = [];
    const count = (path: string) => reads.filter((p) => p === path).length;
    const watched = fleet.watch({
      // Checks run when this test asks; the files are read at every check (filesEveryChecks 1).
      settings: { intervalMs: 60_000 },
      wrap: (ctx) => {
        const reader = createFleetFilesReader(ctx.location.root, ctx.location.agentsDir, {
          plist: (path) => (reads.push(path), readPlistFile(path)),
          config: (path) => (reads.push(path), readConfigFile(path)),
        });
        return { ...ctx, readFiles: () => reader.read() };
      },
    });
    const monitor = watched.monitor;
    monitor.start();
    await eventually(
      async () => (await monitor.checkNow(), monitor.snapshot().instances),
      (all) => all.length === 2 && all.every((i) => i.health === 'healthy'),
    );
    const checks = monitor.stats().checks;
    for (let i = 0; i < 5; i++) await monitor.checkNow();
    expect(monitor.stats().checks - checks).toBeGreaterThanOrEqual(5);
    expect(count(ana.plistPath)).toBe(1);
    expect(count(ben.plistPath)).toBe(1);
    expect(count(`${ben.stateDir}/openclaw.json`)).toBe(1);

    // Same size, same inode (an in-place edit): still a new read, and the snapshot shows the new port.
    const moved = ana.port === 65_000 ? 65_001 : 65_000;
    const text = readFileSync(ana.plistPath, 'utf8');
    writeFileSync(ana.plistPath, text.replace(`<string>${ana.port}</string>`, `<string>${moved}</string>`));
    await monitor.checkNow();
    expect(monitor.snapshot().instances.find((i) => i.name === 'ana')?.port).toBe(moved);
    expect(count(ana.plistPath)).toBeGreaterThanOrEqual(2);
    expect(count(ben.plistPath)).toBe(1);
  });

  it('reads through the cache in the real context: an unchanged file comes back as the same fact', async () => {
    const ana = await installInstance(fleet.env, 'ana', await freePort(), { load: false });
    for (const path of [ana.plistPath, `${ana.stateDir}/openclaw.json`]) age(path);
    const ctx = contextFor(fleet.env);
    const first = await ctx.readFiles();
    const second = await ctx.readFiles();
    expect(second.plists[0]!.read).toBe(first.plists[0]!.read);
    expect(second.stateDirs[0]!.config).toBe(first.stateDirs[0]!.config);
  });
});
