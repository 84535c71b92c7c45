import { describe, expect, it } from 'vitest';
import { AUDIT_CODES, type AuditCode } from '../../../../src-main/core/audit/audit-codes.ts';
import { runAudit } from '../../../../src-main/core/audit/run-audit.ts';
import {
  AGENTS,
  auditInput,
  configOf,
  ENTRY,
  healthyFleet,
  NODE,
  plistOf,
  ROOT,
  TOKENS,
  type FleetScenario,
} from './healthy-fleet.ts';

type Breaker = (s: FleetScenario) => void;
type Problems = { launchdProblem?: string; listenerProblem?: string };
const problems = new WeakMap<FleetScenario, Problems>();
const inputOf = (s: FleetScenario) => ({ ...auditInput(s), ...problems.get(s) });
const env = (s: FleetScenario, name: string): Record<string, string> =>
  plistOf(s, name).EnvironmentVariables as Record<string, string>;
const args = (s: FleetScenario, name: string): string[] => plistOf(s, name).ProgramArguments as string[];
const setConfig = (s: FleetScenario, name: string, text: string): void => {
  configOf(s, name).config.text = text;
};

/** One way to break the healthy fleet for every audit code. */
const TRIGGERS: Record<AuditCode, Breaker> = {
  'launchd-unavailable': (s) =>
    problems.set(s, { launchdProblem: 'launchctl did not answer within 5000 ms' }),
  'listeners-unavailable': (s) => problems.set(s, { listenerProblem: 'cannot run lsof' }),
  'duplicate-label': (s) => {
    const copy = structuredClone(s.files.plists[1]!);
    copy.fileName = 'ai.openclaw.luca-old.plist';
    copy.path = `${AGENTS}/${copy.fileName}`;
    s.files.plists.push(copy);
  },
  'duplicate-port': (s) => (args(s, 'critic')[4] = '18789'),
  'port-spacing': (s) => (args(s, 'critic')[4] = '18800'),
  'duplicate-state-dir': (s) => (env(s, 'critic').OPENCLAW_STATE_DIR = `${ROOT}/.openclaw-luca`),
  'duplicate-token': (s) =>
    setConfig(
      s,
      'critic',
      `{"gateway":{"mode":"local","port":18909,"auth":{"mode":"token","token":"${TOKENS.luca}"}}}`,
    ),
  'root-live-state': (s) => (s.files.rootLiveState = ['openclaw.json', 'credentials']),
  'legacy-gateway-job': (s) =>
    s.domain.services.push({
      label: 'ai.openclaw.gateway',
      pid: 5,
      lastExit: { code: null, signal: null },
      lastExitText: '-',
    }),
  'foreign-gateway-job': (s) =>
    s.domain.services.push({
      label: 'ai.openclaw.Old_One',
      pid: null,
      lastExit: { code: 0, signal: null },
      lastExitText: '0',
    }),
  'stray-state-dir': (s) =>
    s.files.stateDirs.push({
      ...structuredClone(configOf(s, 'luca')),
      suffix: 'Bad_Name',
      path: `${ROOT}/.openclaw-Bad_Name`,
    }),
  'plist-unreadable': (s) =>
    (s.files.plists[0]!.read = { ok: false, reason: 'invalid', message: 'broken XML' }),
  'plist-label-missing': (s) => delete plistOf(s, 'luca').Label,
  'plist-label-file-mismatch': (s) => {
    const fact = s.files.plists.find((p) => p.fileName === 'ai.openclaw.luca.plist')!;
    fact.fileName = 'luca.plist';
    fact.path = `${AGENTS}/luca.plist`;
  },
  'plist-run-at-load': (s) => (plistOf(s, 'luca').RunAtLoad = false),
  'plist-keep-alive': (s) => (plistOf(s, 'luca').KeepAlive = { SuccessfulExit: false }),
  'plist-program-arguments': (s) => (plistOf(s, 'luca').ProgramArguments = [NODE, ENTRY, 'gateway']),
  'plist-node-not-absolute': (s) => (args(s, 'luca')[0] = 'node'),
  'plist-node-missing': (s) => s.missingPaths.add(NODE),
  'plist-entry-missing': (s) => s.missingPaths.add(ENTRY),
  'plist-extra-arguments': (s) => args(s, 'luca').push('--verbose'),
  'plist-path-env': (s) => (env(s, 'luca').PATH = '/usr/bin:/bin'),
  'plist-state-dir-missing': (s) => delete env(s, 'luca').OPENCLAW_STATE_DIR,
  'plist-state-dir-mismatch': (s) => (env(s, 'luca').OPENCLAW_STATE_DIR = ROOT),
  'plist-self-label-mismatch': (s) => (env(s, 'luca').OPENCLAW_LAUNCHD_LABEL = 'ai.openclaw.gateway'),
  'plist-log-path-missing': (s) => delete plistOf(s, 'luca').StandardErrorPath,
  'plist-log-path-outside': (s) => (plistOf(s, 'luca').StandardOutPath = '/tmp/luca.log'),
  'plist-log-dir-missing': (s) => s.missingPaths.add(`${ROOT}/.openclaw-luca/logs`),
  'plist-token-exposed': (s) => (env(s, 'luca').OPENCLAW_GATEWAY_TOKEN = TOKENS.luca),
  'config-missing': (s) =>
    Object.assign(configOf(s, 'luca').config, { exists: false, text: null, mode: null }),
  'config-invalid': (s) => setConfig(s, 'luca', '{ gateway: '),
  'auth-mode-not-token': (s) =>
    setConfig(
      s,
      'luca',
      `{"gateway":{"mode":"local","port":18789,"auth":{"mode":"none","token":"${TOKENS.luca}"}}}`,
    ),
  'token-missing': (s) =>
    setConfig(
      s,
      'luca',
      '{"gateway":{"mode":"local","port":18789,"auth":{"mode":"token","token":"change-me-now"}}}',
    ),
  'config-port-mismatch': (s) =>
    setConfig(
      s,
      'luca',
      `{"gateway":{"mode":"local","port":18790,"auth":{"mode":"token","token":"${TOKENS.luca}"}}}`,
    ),
  'config-mode-not-local': (s) =>
    setConfig(
      s,
      'luca',
      `{"gateway":{"mode":"remote","port":18789,"auth":{"mode":"token","token":"${TOKENS.luca}"}}}`,
    ),
  'config-bind-not-loopback': (s) =>
    setConfig(
      s,
      'luca',
      `{"gateway":{"mode":"local","bind":"lan","port":18789,"auth":{"mode":"token","token":"${TOKENS.luca}"}}}`,
    ),
  'state-dir-mode': (s) => (configOf(s, 'luca').mode = 0o755),
  'config-file-mode': (s) => (configOf(s, 'luca').config.mode = 0o644),
  'plist-without-state-dir': (s) =>
    (s.files.stateDirs = s.files.stateDirs.filter((d) => d.suffix !== 'luca')),
  'state-dir-without-plist': (s) => {
    s.files.plists = s.files.plists.filter((p) => p.fileName !== 'ai.openclaw.luca.plist');
    s.domain.services = s.domain.services.filter((r) => r.label !== 'ai.openclaw.luca');
  },
  'loaded-without-plist': (s) =>
    (s.files.plists = s.files.plists.filter((p) => p.fileName !== 'ai.openclaw.luca.plist')),
  'plist-changed-since-load': (s) => (env(s, 'luca').OPENCLAW_GATEWAY_PORT = '1'),
  'instance-disabled': (s) => (s.domain.disabled['ai.openclaw.luca'] = true),
  'port-foreign-listener': (s) =>
    (s.listeners = [{ pid: 7, command: 'python3', address: '127.0.0.1', port: 18789 }]),
  'state-dir-foreign-owner': (s) =>
    s.owners.push({ stateDir: `${ROOT}/.openclaw-luca`, pid: 4242, alive: true, command: 'node' }),
};

describe('runAudit', () => {
  it('passes the healthy fleet with no findings', () => {
    expect(runAudit(auditInput(healthyFleet()))).toEqual({ ok: true, findings: [] });
  });

  it.each(AUDIT_CODES.map((c) => [c]))('triggers %s', (code) => {
    const s = healthyFleet();
    TRIGGERS[code](s);
    const report = runAudit(inputOf(s));
    const hit = report.findings.find((f) => f.code === code);
    expect(hit, JSON.stringify(report.findings.map((f) => f.code))).toBeDefined();
    expect(report.ok).toBe(!report.findings.some((f) => f.severity === 'error'));
    expect(hit?.fix.length).toBeGreaterThan(5);
  });

  it('emits only registered codes and never a token', () => {
    for (const code of AUDIT_CODES) {
      const s = healthyFleet();
      TRIGGERS[code](s);
      const findings = runAudit(inputOf(s)).findings;
      for (const f of findings) expect(AUDIT_CODES).toContain(f.code);
      const text = JSON.stringify(findings);
      expect(text).not.toContain(TOKENS.luca);
      expect(text).not.toContain(TOKENS.critic);
    }
  });

  it('names the pid and command of a foreign listener', () => {
    const s = healthyFleet();
    TRIGGERS['port-foreign-listener'](s);
    const f = runAudit(inputOf(s)).findings.find((x) => x.code === 'port-foreign-listener');
    expect(f).toMatchObject({ instance: 'luca', severity: 'error' });
    expect(f?.message).toContain('port 18789 is held by pid 7 (python3), not by ai.openclaw.luca (pid 812)');
  });

  it('skips the port rules when listeners could not be read', () => {
    const s = healthyFleet();
    s.listeners = null;
    expect(runAudit(inputOf(s)).findings).toEqual([]);
  });

  it('lists fleet-wide findings first, then per instance with errors before warnings', () => {
    const s = healthyFleet();
    TRIGGERS['root-live-state'](s);
    TRIGGERS['plist-path-env'](s);
    TRIGGERS['plist-run-at-load'](s);
    const findings = runAudit(inputOf(s)).findings.map((f) => [f.instance, f.code]);
    expect(findings).toEqual([
      [null, 'root-live-state'],
      ['luca', 'plist-run-at-load'],
      ['luca', 'plist-path-env'],
      // launchd still runs the old PATH, so the edit is also drift since load.
      ['luca', 'plist-changed-since-load'],
    ]);
  });
});
