// Writes a new instance to disk: the state dir (0700) with workspace/ and logs/, openclaw.json (0600)
// holding its token, then the plist (0644) last, so launchd never sees a plist whose state dir is
// missing. Records each step so a rollback undoes exactly what was created.
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderNewGatewayConfig } from '../core/gateway-config.ts';
import type { LaunchAgentPlist } from '../core/plist-contract.ts';
import { writeFileAtomic } from '../platform/atomic-file.ts';
import { writePlistFile } from '../platform/plist-file.ts';

export interface InstancePaths {
  name: string;
  label: string;
  stateDir: string;
  configPath: string;
  plistPath: string;
  logPath: string;
}

/** What exists because of this operation. */
export interface Created {
  stateDir: boolean;
  plist: boolean;
  loaded: boolean;
}

export const PRIVATE_DIR = 0o700;

export async function writeInstanceFiles(
  paths: InstancePaths,
  agentsDir: string,
  content: { port: number; token: string; plist: LaunchAgentPlist },
  created: Created,
): Promise<void> {
  // Not recursive: if the dir appeared since the check, this fails instead of adopting it.
  await mkdir(paths.stateDir, { mode: PRIVATE_DIR });
  created.stateDir = true;
  // mkdir's mode is filtered by the umask; the contract wants exactly 0700.
  await chmod(paths.stateDir, PRIVATE_DIR);
  for (const sub of ['workspace', 'logs']) {
    await mkdir(join(paths.stateDir, sub), { mode: PRIVATE_DIR });
    await chmod(join(paths.stateDir, sub), PRIVATE_DIR);
  }
  await writeFileAtomic(paths.configPath, renderNewGatewayConfig(content.port, content.token), {
    mode: 0o600,
  });
  await mkdir(agentsDir, { recursive: true });
  await writePlistFile(paths.plistPath, content.plist);
  created.plist = true;
}
