// One round trip through a launchd, written once and run against two: the real launchctl on macOS
// (test/macos/real-launchctl.test.ts) and the simulator everywhere (test/integration/
// launchd-round-trip-sim.test.ts), so the macOS-only test's own logic is proven on Linux too.
// Bootstrap a stub gateway under a unique throwaway label, read its status, restart it, boot it
// out. Whatever happens, afterAll boots the label out and removes its files.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelFor } from '../../src-main/core/instance-name.ts';
import { addInstance } from '../../src-main/fleet/add-instance.ts';
import type { FleetContext } from '../../src-main/fleet/fleet-context.ts';
import { createRealFleetContext } from '../../src-main/fleet/real-fleet-context.ts';
import { restartInstance } from '../../src-main/fleet/restart-instance.ts';
import { stopInstance } from '../../src-main/fleet/stop-instance.ts';
import { isAlive } from '../../src-main/platform/state-dir-owner.ts';
import { STUB_ENTRY } from './stub-gateway.ts';

export interface LaunchdUnderTest {
  launchctlPath: string;
  /** Environment in which the launchctl path is run (the simulator needs its state dir). */
  env?: NodeJS.ProcessEnv;
  /** Runs after the label was booted out and the files removed (the simulator shuts down). */
  dispose?: () => Promise<void>;
}

export function describeLaunchdRoundTrip(
  title: string,
  options: { skip: boolean; open: () => LaunchdUnderTest },
): void {
  describe.skipIf(options.skip)(title, () => {
    const name = `ci-${randomBytes(4).toString('hex')}`;
    const label = labelFor(name);
    let launchd: LaunchdUnderTest | undefined;
    let base: string | undefined;
    let ctx: FleetContext;
    let firstPid = 0;
    const never = new Promise<void>(() => {});
    const quiet = { timeoutMs: 60_000, interrupted: never, progress: () => {} };

    beforeAll(() => {
      launchd = options.open();
      base = mkdtempSync(join(tmpdir(), 'ocf-launchd-trip-'));
      const root = join(base, 'openclaw');
      const agentsDir = join(base, 'LaunchAgents');
      mkdirSync(root, { mode: 0o700 });
      mkdirSync(agentsDir, { mode: 0o700 });
      ctx = createRealFleetContext({
        root,
        agentsDir,
        launchctlPath: launchd.launchctlPath,
        ...(launchd.env ? { launchctl: { env: launchd.env } } : {}),
      });
    });

    afterAll(async () => {
      // Even after a failed assertion: never leave a job behind in the user's launchd.
      if (launchd !== undefined) {
        const uid = process.getuid?.() ?? 501;
        await promisify(execFile)(launchd.launchctlPath, ['bootout', `gui/${uid}/${label}`], {
          env: launchd.env ?? process.env,
        }).catch(() => undefined);
      }
      if (base !== undefined) rmSync(base, { recursive: true, force: true });
      await launchd?.dispose?.();
    }, 60_000);

    it('bootstraps a stub gateway and waits until it serves', async () => {
      const added = await addInstance(ctx, {
        name,
        port: null,
        nodePath: process.execPath,
        entryPath: STUB_ENTRY,
        start: true,
        timeoutMs: 60_000,
      });
      expect(added.kind, JSON.stringify(added)).toBe('added');
      if (added.kind === 'added') firstPid = added.started!.pid;
      expect(firstPid).toBeGreaterThan(0);
    }, 90_000);

    it('reads its status from launchd, alone and in the domain listing', async () => {
      const status = await ctx.launchd.status(label);
      expect(status.kind, JSON.stringify(status)).toBe('ok');
      if (status.kind !== 'ok') return;
      expect(status.job).toMatchObject({ loaded: true, pid: firstPid });
      const fleet = await ctx.launchd.fleetStatus();
      expect(fleet.kind, JSON.stringify(fleet)).toBe('ok');
      const row = fleet.kind === 'ok' ? fleet.domain.services.find((s) => s.label === label) : undefined;
      expect(row?.pid).toBe(firstPid);
    });

    it('restarts it in place (kickstart -k) with a new pid that serves', async () => {
      const result = await restartInstance(ctx, name, quiet);
      expect(result.kind, JSON.stringify(result)).toBe('ok');
      const status = await ctx.launchd.status(label);
      expect(status.kind === 'ok' && status.job.loaded).toBe(true);
      if (status.kind === 'ok' && status.job.loaded) expect(status.job.pid).not.toBe(firstPid);
    }, 90_000);

    it('stops it (bootout) until launchd has forgotten it, and the old pid is gone', async () => {
      const before = await ctx.launchd.status(label);
      const pid = before.kind === 'ok' && before.job.loaded ? before.job.pid : null;
      expect(pid, 'the restarted gateway runs before the stop').not.toBeNull();
      const result = await stopInstance(ctx, name, quiet);
      expect(result.kind, JSON.stringify(result)).toBe('ok');
      const status = await ctx.launchd.status(label);
      expect(status.kind === 'ok' && status.job.loaded).toBe(false);
      expect(pid === null ? false : isAlive(pid)).toBe(false);
    }, 60_000);
  });
}
