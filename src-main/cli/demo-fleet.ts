// The demo fleet: in a temp dir, the launchd simulator and three stub-gateway instances made with
// the product's own `add` (one healthy, one crash-looping, one stopped). Runs from a checkout only:
// the simulator and the stub gateway are test infrastructure.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { labelFor } from '../core/instance-name.ts';
import { addInstance } from '../fleet/add-instance.ts';
import type { FleetContext } from '../fleet/fleet-context.ts';
import { createRealFleetContext } from '../fleet/real-fleet-context.ts';

export const SIM_LAUNCHCTL = fileURLToPath(new URL('../../test/launchd-sim/launchctl', import.meta.url));
export const STUB_ENTRY = fileURLToPath(new URL('../../test/stub-gateway/openclaw.mjs', import.meta.url));

export interface DemoFleet {
  dir: string;
  ctx: FleetContext;
  runtime: { nodePath: string; entryPath: string };
  /** Stops every gateway (simulator shutdown) and removes the temp dir. */
  teardown(): Promise<void>;
}

export async function createDemoFleet(log: (line: string) => void): Promise<DemoFleet> {
  const dir = mkdtempSync(join(tmpdir(), 'openclaw-fleet-demo-'));
  const root = join(dir, 'openclaw');
  const agentsDir = join(dir, 'LaunchAgents');
  mkdirSync(root, { mode: 0o700 });
  mkdirSync(agentsDir, { mode: 0o700 });
  // A faster clock for launchd's throttle, so the crash loop is visible within seconds.
  const env = {
    LAUNCHD_SIM_DIR: join(dir, 'launchd'),
    LAUNCHD_SIM_OWNER_PID: String(process.pid),
    LAUNCHD_SIM_TIME_SCALE: '0.3',
  };
  mkdirSync(env.LAUNCHD_SIM_DIR, { mode: 0o700 });
  const ctx = createRealFleetContext({ root, agentsDir, launchctlPath: SIM_LAUNCHCTL, launchctl: { env } });
  const runtime = { nodePath: process.execPath, entryPath: STUB_ENTRY };
  const teardown = async () => {
    await promisify(execFile)(SIM_LAUNCHCTL, ['sim-shutdown'], {
      env: { ...process.env, ...env },
      timeout: 20_000,
    }).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await add(ctx, runtime, 'luca', true, log);
    const critic = await add(ctx, runtime, 'critic', false, log);
    // The stub reads its fault knobs at each start: this one exits 78 after 1.5 s, every time.
    writeFileSync(join(critic, 'stub-gateway.json'), JSON.stringify({ exitAfterMs: 1500, exitCode: 78 }));
    await ctx.launchd.load(labelFor('critic'), join(agentsDir, `${labelFor('critic')}.plist`));
    await add(ctx, runtime, 'scout', false, log);
  } catch (error) {
    await teardown();
    throw error;
  }
  return { dir, ctx, runtime, teardown };
}

async function add(
  ctx: FleetContext,
  runtime: DemoFleet['runtime'],
  name: string,
  start: boolean,
  log: (line: string) => void,
): Promise<string> {
  const result = await addInstance(ctx, { name, port: null, ...runtime, start, timeoutMs: 30_000 });
  if (result.kind !== 'added')
    throw new Error(`demo: could not add ${name}: ${'message' in result ? result.message : result.cause}`);
  log(
    `  ${name}: port ${result.instance.port}${result.started ? `, pid ${result.started.pid}` : ' (not started)'}`,
  );
  return result.instance.stateDir;
}
