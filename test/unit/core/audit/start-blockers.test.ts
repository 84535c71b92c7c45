import { describe, expect, it } from 'vitest';
import { startBlockers } from '../../../../src-main/core/audit/start-blockers.ts';
import { auditInput, healthyFleet, plistOf, ROOT } from './healthy-fleet.ts';

const codes = (s: ReturnType<typeof healthyFleet>, name: string) =>
  startBlockers(auditInput(s), name).map((f) => f.code);

describe('startBlockers', () => {
  it('finds nothing in a healthy fleet, or for an unknown name', () => {
    expect(codes(healthyFleet(), 'luca')).toEqual([]);
    expect(codes(healthyFleet(), 'nobody')).toEqual([]);
  });

  it('reports a shared port and a too-close port to both instances involved', () => {
    const same = healthyFleet();
    (plistOf(same, 'critic').ProgramArguments as string[])[4] = '18789';
    expect(codes(same, 'luca')).toEqual(['duplicate-port']);
    // luca serves on that port, so for critic it is also held by someone else.
    expect(codes(same, 'critic')).toEqual(['duplicate-port', 'port-foreign-listener']);

    const close = healthyFleet();
    (plistOf(close, 'critic').ProgramArguments as string[])[4] = '18800';
    expect(codes(close, 'luca')).toEqual(['port-spacing']);
    expect(startBlockers(auditInput(close), 'critic')[0]?.message).toContain(
      'port 18800 of critic is only 11 above port 18789 of luca',
    );
  });

  it('reports a state dir another plist points at', () => {
    const s = healthyFleet();
    (plistOf(s, 'critic').EnvironmentVariables as Record<string, string>).OPENCLAW_STATE_DIR =
      `${ROOT}/.openclaw-luca`;
    expect(codes(s, 'luca')).toContain('duplicate-state-dir');
  });

  it('reports a foreign listener and a foreign state-dir owner only for the instance they block', () => {
    const s = healthyFleet();
    s.listeners = [{ pid: 4242, command: 'python3', address: '127.0.0.1', port: 18789 }];
    s.owners = [{ stateDir: `${ROOT}/.openclaw-luca`, pid: 4243, alive: true, command: 'node' }];
    expect(codes(s, 'luca')).toEqual(['port-foreign-listener', 'state-dir-foreign-owner']);
    expect(codes(s, 'critic')).toEqual([]);
  });

  it('ignores other findings, like a changed plist or a disabled override', () => {
    const s = healthyFleet();
    s.domain.disabled['ai.openclaw.luca'] = true;
    (plistOf(s, 'luca').EnvironmentVariables as Record<string, string>).EXTRA = '1';
    expect(codes(s, 'luca')).toEqual([]);
  });
});
