import { describe, expect, it } from 'vitest';
import { appFleetPaths, guiPath } from '../../../src-main/app/app-host.ts';
import { defaultSettings } from '../../../src-main/app/app-settings.ts';

describe('where the app looks for the fleet', () => {
  const home = '/Users/ada';

  it('defaults to the CLI’s defaults', () => {
    expect(appFleetPaths(defaultSettings(), {}, home)).toEqual({
      root: '/Users/ada/.openclaw',
      agentsDir: '/Users/ada/Library/LaunchAgents',
      launchctl: '/bin/launchctl',
    });
  });

  it('takes the environment variables of the CLI, and the settings over them', () => {
    const env = {
      OPENCLAW_FLEET_ROOT: '/env/root',
      OPENCLAW_FLEET_AGENTS_DIR: '/env/agents',
      OPENCLAW_FLEET_LAUNCHCTL: '/env/launchctl',
    };
    expect(appFleetPaths(defaultSettings(), env, home)).toEqual({
      root: '/env/root',
      agentsDir: '/env/agents',
      launchctl: '/env/launchctl',
    });
    const settings = { ...defaultSettings(), rootDir: '/set/root', agentsDir: '/set/agents' };
    expect(appFleetPaths(settings, env, home)).toMatchObject({ root: '/set/root', agentsDir: '/set/agents' });
  });

  it('finds Homebrew’s node and openclaw even with the bare PATH an app gets from Finder', () => {
    expect(guiPath({ PATH: '/usr/bin:/bin:/usr/sbin:/sbin' })).toBe(
      '/usr/bin:/bin:/usr/sbin:/sbin:/opt/homebrew/bin:/usr/local/bin',
    );
    expect(guiPath({ PATH: '/opt/homebrew/bin:/usr/bin' })).toBe('/opt/homebrew/bin:/usr/bin:/usr/local/bin');
    expect(guiPath({})).toMatch(/^\/usr\/bin:.*\/opt\/homebrew\/bin/);
  });
});
