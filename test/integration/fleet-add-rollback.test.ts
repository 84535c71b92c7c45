// Rollback paths that need launchd to fail at one exact step. The fleet context is the real one
// (simulator, stub entries, real files); only the one LaunchdPort call under test is replaced.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addInstance } from '../../src-main/fleet/add-instance.ts';
import type { FleetContext } from '../../src-main/fleet/fleet-context.ts';
import { createRealFleetContext } from '../../src-main/fleet/real-fleet-context.ts';
import { allTokens, FIXTURE_ENTRIES, isLoaded, spacedPort } from '../helpers/add-remove-kit.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';

let env: FleetEnv;
let ctx: FleetContext;
/** Everything addInstance returned, checked for tokens like a CLI transcript. */
let returned = '';

beforeEach(() => {
  env = createFleetEnv();
  ctx = createRealFleetContext({
    root: env.root,
    agentsDir: env.agentsDir,
    launchctlPath: env.sim.launchctlPath,
    launchctl: { env: env.sim.env as Record<string, string> },
  });
});
afterEach(async () => {
  for (const token of allTokens(env)) expect(returned).not.toContain(token);
  returned = '';
  await env.sim.run(['bootout', `${env.sim.domain}/ai.openclaw.stubborn`]);
  await env.cleanup();
});

const request = async (name: string, entry = env.entry) => ({
  name,
  port: await spacedPort(),
  nodePath: env.node,
  entryPath: entry,
  start: true,
  timeoutMs: 10_000,
});

describe('addInstance rollback', () => {
  it('removes its files when launchd refuses the load', async () => {
    const refusing: FleetContext = {
      ...ctx,
      launchd: {
        ...ctx.launchd,
        load: async () => ({
          kind: 'disabled',
          message: 'launchctl bootstrap failed with exit status 5 (ai.openclaw.nope is disabled)',
          stderr: '',
        }),
      },
    };
    const result = await addInstance(refusing, await request('nope'));
    returned += JSON.stringify(result);
    expect(result.kind).toBe('rolled-back');
    if (result.kind !== 'rolled-back') return;
    expect(result.cause).toBe(
      'launchd did not load ai.openclaw.nope: launchctl bootstrap failed with exit status 5 (ai.openclaw.nope is disabled)',
    );
    expect(result.rollback.problems).toEqual([]);
    expect(result.rollback.done[0]).toBe(`removed ${join(env.agentsDir, 'ai.openclaw.nope.plist')}`);
    expect(existsSync(join(env.root, '.openclaw-nope'))).toBe(false);
    expect(existsSync(join(env.agentsDir, 'ai.openclaw.nope.plist'))).toBe(false);
  });

  it('leaves the files in place and says what to run when the unload fails', async () => {
    const stuck: FleetContext = {
      ...ctx,
      launchd: {
        ...ctx.launchd,
        unload: async () => ({
          kind: 'timed-out',
          afterMs: 23_000,
          message: 'gui/0/ai.openclaw.stubborn was still loaded 23000 ms after `launchctl bootout`',
        }),
      },
    };
    const result = await addInstance(
      stuck,
      await request('stubborn', join(FIXTURE_ENTRIES, 'exit-78-at-start.mjs')),
    );
    returned += JSON.stringify(result);
    expect(result.kind).toBe('rolled-back');
    if (result.kind !== 'rolled-back') return;
    expect(result.cause).toMatch(/^the gateway exited during start \(exit 78\)$/);
    expect(result.rollback.done).toEqual([]);
    expect(result.rollback.problems).toEqual([
      'could not unload ai.openclaw.stubborn (gui/0/ai.openclaw.stubborn was still loaded 23000 ms after `launchctl bootout`); its files stay in place: run openclaw-fleet remove stubborn --purge-state',
    ]);
    expect(result.rollback.logLines.join('\n')).toContain('Gateway failed to start');
    expect(existsSync(join(env.root, '.openclaw-stubborn', 'logs', 'gateway.log'))).toBe(true);
    expect(existsSync(join(env.agentsDir, 'ai.openclaw.stubborn.plist'))).toBe(true);
    expect(await isLoaded(env, 'ai.openclaw.stubborn')).toBe(true);
  });
});
