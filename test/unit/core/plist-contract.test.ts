import { describe, expect, it } from 'vitest';
import { gatewayPathEnv, renderInstancePlist } from '../../../src-main/core/plist-contract.ts';

const spec = {
  name: 'luca',
  port: 18909,
  stateDir: '/Users/ada/.openclaw/.openclaw-luca',
  nodePath: '/Users/ada/.nvm/versions/node/v24.21.0/bin/node',
  entryPath: '/Users/ada/.nvm/versions/node/v24.21.0/lib/node_modules/openclaw/dist/index.js',
};

describe('renderInstancePlist', () => {
  const plist = renderInstancePlist(spec);

  it('follows the LaunchAgent contract of the design', () => {
    expect(plist.Label).toBe('ai.openclaw.luca');
    expect(plist.RunAtLoad).toBe(true);
    expect(plist.KeepAlive).toBe(true);
    expect(plist.ProgramArguments).toEqual([spec.nodePath, spec.entryPath, 'gateway', '--port', '18909']);
    expect(plist.StandardOutPath).toBe('/Users/ada/.openclaw/.openclaw-luca/logs/gateway.log');
    expect(plist.StandardErrorPath).toBe(plist.StandardOutPath);
    expect(plist.WorkingDirectory).toBe(spec.stateDir);
  });

  it('gives the gateway its state dir, config, port and its own label', () => {
    expect(plist.EnvironmentVariables).toMatchObject({
      OPENCLAW_STATE_DIR: spec.stateDir,
      OPENCLAW_CONFIG_PATH: `${spec.stateDir}/openclaw.json`,
      OPENCLAW_GATEWAY_PORT: '18909',
      OPENCLAW_PROFILE: 'luca',
      OPENCLAW_LAUNCHD_LABEL: 'ai.openclaw.luca',
      OPENCLAW_SERVICE_MARKER: 'openclaw',
      OPENCLAW_SERVICE_KIND: 'gateway',
    });
  });

  it("keeps the gateway's caches (and the npm it runs) inside the state dir, not in HOME", () => {
    expect(plist.EnvironmentVariables).toMatchObject({
      XDG_CACHE_HOME: `${spec.stateDir}/cache`,
      npm_config_cache: `${spec.stateDir}/cache/npm`,
    });
  });

  it('puts node first on PATH and keeps launchd defaults', () => {
    const path = (plist.EnvironmentVariables as Record<string, string>).PATH ?? '';
    expect(path.split(':')[0]).toBe('/Users/ada/.nvm/versions/node/v24.21.0/bin');
    expect(path.endsWith('/usr/bin:/bin:/usr/sbin:/sbin')).toBe(true);
  });

  it('never lists a directory twice on PATH', () => {
    expect(gatewayPathEnv('/usr/bin/node')).toBe(
      '/usr/bin:/opt/homebrew/bin:/usr/local/bin:/bin:/usr/sbin:/sbin',
    );
  });

  it('holds no secret', () => {
    const text = JSON.stringify(plist).toLowerCase();
    expect(text).not.toContain('token');
    expect(text).not.toContain('password');
  });
});
