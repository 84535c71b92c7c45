// The launchctl adapter and the fleet operations against the real launchd, in the logged-in user's
// gui/<uid> domain: bootstrap a stub gateway under a unique throwaway label, read its status,
// restart it, boot it out. Runs on macOS only (CI: .github/workflows/macos.yml); everywhere else
// the launchd simulator stands in for launchd. Whatever happens, afterAll boots the label out and
// removes its files.
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
import { STUB_ENTRY } from '../helpers/stub-gateway.ts';

const ON_MAC = process.platform === 'darwin';
const LAUNCHCTL = '/bin/launchctl';

describe.skipIf(!ON_MAC)(
  'the real launchctl (macOS only: there is no launchd here, test/launchd-sim covers it on Linux)',
  () => {
    const name = `ci-${randomBytes(4).toString('hex')}`;
    const label = labelFor(name);
    let base: string;
    let ctx: FleetContext;
    let firstPid: number;

    beforeAll(() => {
      base = mkdtempSync(join(tmpdir(), 'ocf-real-launchd-'));
      const root = join(base, 'openclaw');
      const agentsDir = join(base, 'LaunchAgents');
      mkdirSync(root, { mode: 0o700 });
      mkdirSync(agentsDir, { mode: 0o700 });
      ctx = createRealFleetContext({ root, agentsDir, launchctlPath: LAUNCHCTL });
    });

    afterAll(async () => {
      // Even after a failed assertion: never leave a job behind in the user's launchd.
      await ctx?.launchd.unload(label).catch(() => undefined);
      const uid = process.getuid?.() ?? 501;
      await promisify(execFile)(LAUNCHCTL, ['bootout', `gui/${uid}/${label}`]).catch(() => undefined);
      if (base !== undefined) rmSync(base, { recursive: true, force: true });
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
    }, 90_000);

    it('reads its status from launchd', async () => {
      const status = await ctx.launchd.status(label);
      expect(status.kind, JSON.stringify(status)).toBe('ok');
      if (status.kind !== 'ok') return;
      expect(status.job).toMatchObject({ loaded: true, pid: firstPid });
      const fleet = await ctx.launchd.fleetStatus();
      expect(fleet.kind === 'ok' && fleet.domain.services.some((s) => s.label === label)).toBe(true);
    });

    it('restarts it in place (kickstart -k) with a new pid that serves', async () => {
      const never = new Promise<void>(() => {});
      const result = await restartInstance(ctx, name, {
        timeoutMs: 60_000,
        interrupted: never,
        progress: () => {},
      });
      expect(result.kind, JSON.stringify(result)).toBe('ok');
      const status = await ctx.launchd.status(label);
      expect(status.kind === 'ok' && status.job.loaded && status.job.pid !== firstPid).toBe(true);
    }, 90_000);

    it('boots it out until launchd has forgotten it', async () => {
      expect((await ctx.launchd.unload(label)).kind).toBe('ok');
      const status = await ctx.launchd.status(label);
      expect(status.kind === 'ok' && status.job.loaded).toBe(false);
    }, 60_000);
  },
);
