// Puts an instance into a test fleet by hand (plist + state dir + config, optionally bootstrapped),
// independent of `openclaw-fleet add`, so commands can be tested on fleets `add` would refuse to make.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNewGatewayConfig } from '../../src-main/core/gateway-config.ts';
import { renderInstancePlist, type LaunchAgentPlist } from '../../src-main/core/plist-contract.ts';
import { writePlistFile } from '../../src-main/platform/plist-file.ts';
import type { FleetEnv } from './fleet-env.ts';
import { newToken, setKnobs, type StubKnobs } from './stub-gateway.ts';

export interface InstalledInstance {
  name: string;
  label: string;
  port: number;
  token: string;
  stateDir: string;
  plistPath: string;
  logPath: string;
}

export interface InstallOptions {
  token?: string;
  knobs?: StubKnobs;
  /** Bootstrap it into the simulator (default true). */
  load?: boolean;
  /** Last-minute edits to the rendered plist. */
  editPlist?: (plist: LaunchAgentPlist) => void;
  /** Replaces the openclaw.json text. */
  configText?: string;
}

export async function installInstance(
  env: FleetEnv,
  name: string,
  port: number,
  options: InstallOptions = {},
): Promise<InstalledInstance> {
  const label = `ai.openclaw.${name}`;
  const stateDir = join(env.root, `.openclaw-${name}`);
  mkdirSync(join(stateDir, 'logs'), { recursive: true, mode: 0o700 });
  mkdirSync(join(stateDir, 'workspace'), { recursive: true, mode: 0o700 });
  const token = options.token ?? newToken();
  writeFileSync(join(stateDir, 'openclaw.json'), options.configText ?? renderNewGatewayConfig(port, token), {
    mode: 0o600,
  });
  if (options.knobs !== undefined) setKnobs(stateDir, options.knobs);
  const plist = renderInstancePlist({ name, port, stateDir, nodePath: env.node, entryPath: env.entry });
  options.editPlist?.(plist);
  const plistPath = join(env.agentsDir, `${label}.plist`);
  await writePlistFile(plistPath, plist);
  if (options.load !== false) {
    const result = await env.sim.run(['bootstrap', env.sim.domain, plistPath]);
    if (result.exitCode !== 0) throw new Error(`bootstrap ${label} failed: ${result.stderr}`);
  }
  return { name, label, port, token, stateDir, plistPath, logPath: join(stateDir, 'logs', 'gateway.log') };
}

/** Polls until `check` passes or the deadline; returns the last value for the assertion message. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}
