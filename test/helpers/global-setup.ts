// Every test run gets a throwaway HOME so nothing can reach the developer's real ~/.openclaw or
// ~/Library/LaunchAgents, even by a default that a test forgot to override.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const home = mkdtempSync(join(tmpdir(), 'ocf-home-'));
  process.env.HOME = home;
  process.env.OPENCLAW_FLEET_TEST = '1';
  return () => rmSync(home, { recursive: true, force: true });
}
