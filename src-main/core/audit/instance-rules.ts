// Per-instance rules: the plist contract, the gateway config, file modes and drift.
import type { InstanceRecord } from '../discovery.ts';
import { plistStateDir } from '../discovery.ts';
import { tokenProblem } from '../gateway-config.ts';
import { lintInstancePlist } from '../plist-lint.ts';
import { auditFinding, type AuditFinding, type AuditInput } from './audit-types.ts';

export function instanceRules(input: AuditInput): AuditFinding[] {
  const tokens = input.discovery.instances.flatMap((i) => (i.config?.token ? [i.config.token] : []));
  return input.discovery.instances.flatMap((i) => [
    ...plistRules(i, input, tokens),
    ...configRules(i),
    ...modeRules(i),
    ...driftRules(i),
  ]);
}

function plistRules(i: InstanceRecord, input: AuditInput, tokens: string[]): AuditFinding[] {
  if (i.plistProblem !== null) {
    return [auditFinding(i.name, 'plist-unreadable', i.plistProblem, `fix or remove ${i.plistPath}`)];
  }
  if (i.plist === null) return [];
  return lintInstancePlist(i.plist, {
    plistPath: i.plistPath,
    expectedStateDir: i.stateDir,
    knownTokens: tokens,
    inspect: input.inspect,
  }).map((f) => ({ ...f, instance: i.name }));
}

function configRules(i: InstanceRecord): AuditFinding[] {
  if (i.stateDirMode === null) return [];
  if (i.configProblem !== null) {
    const missing = i.configProblem.endsWith('does not exist');
    return [
      auditFinding(
        i.name,
        missing ? 'config-missing' : 'config-invalid',
        `${i.configProblem}: the gateway exits 78 at start`,
        missing
          ? `recreate it: openclaw-fleet remove ${i.name} && openclaw-fleet add ${i.name}`
          : `fix the syntax of ${i.configPath} (JSON5 is accepted)`,
      ),
    ];
  }
  const c = i.config;
  if (c === null) return [];
  const out: AuditFinding[] = [];
  const problem = tokenProblem(c.token);
  if (c.authMode !== 'token') {
    out.push(
      auditFinding(
        i.name,
        'auth-mode-not-token',
        `gateway.auth.mode is ${c.authMode ?? 'not set'}, not "token"`,
        `set gateway.auth.mode to "token" in ${i.configPath}`,
      ),
    );
  }
  if (problem !== null) {
    out.push(
      auditFinding(
        i.name,
        'token-missing',
        problem === 'missing'
          ? 'gateway.auth.token is not set: the gateway invents a new token at every start, so clients cannot stay connected'
          : `gateway.auth.token is ${problem === 'blank' ? 'blank' : 'a published placeholder'}: the gateway refuses to start (exit 78)`,
        `put a fresh token (openssl rand -hex 32) in gateway.auth.token of ${i.configPath}`,
      ),
    );
  }
  if (i.port !== null && c.port !== null && c.port !== i.port) {
    out.push(
      auditFinding(
        i.name,
        'config-port-mismatch',
        `openclaw.json says port ${c.port} but the plist runs the gateway on ${i.port}`,
        `set gateway.port to ${i.port} in ${i.configPath}`,
      ),
    );
  }
  if (c.mode !== 'local') {
    out.push(
      auditFinding(
        i.name,
        'config-mode-not-local',
        `gateway.mode is ${c.mode ?? 'not set'}: the gateway refuses to start unless it is "local"`,
        `set gateway.mode to "local" in ${i.configPath}`,
      ),
    );
  }
  if (c.bind !== null && c.bind !== 'loopback') {
    out.push(
      auditFinding(
        i.name,
        'config-bind-not-loopback',
        `gateway.bind is ${c.bind}: the gateway is reachable from other machines`,
        `set gateway.bind to "loopback" unless you mean to expose it`,
        'warning',
      ),
    );
  }
  return out;
}

function modeRules(i: InstanceRecord): AuditFinding[] {
  const out: AuditFinding[] = [];
  if (i.stateDirMode !== null && (i.stateDirMode & 0o077) !== 0) {
    out.push(
      auditFinding(
        i.name,
        'state-dir-mode',
        `${i.stateDir} is mode ${octal(i.stateDirMode)}: other users can read the instance's state`,
        `chmod 700 ${i.stateDir}`,
      ),
    );
  }
  if (i.configMode !== null && (i.configMode & 0o077) !== 0) {
    out.push(
      auditFinding(
        i.name,
        'config-file-mode',
        `${i.configPath} is mode ${octal(i.configMode)}: other users can read the token`,
        `chmod 600 ${i.configPath}`,
      ),
    );
  }
  return out;
}

function driftRules(i: InstanceRecord): AuditFinding[] {
  return i.drift.map((d) => {
    switch (d) {
      case 'plist-without-state-dir':
        return auditFinding(
          i.name,
          d,
          `${i.plistPath} exists but ${plistStateDir(i.plist) ?? i.stateDir} does not`,
          `openclaw-fleet remove ${i.name}, then openclaw-fleet add ${i.name}`,
        );
      case 'state-dir-without-plist':
        return auditFinding(
          i.name,
          d,
          `${i.stateDir} exists but no LaunchAgent runs it (${i.plistPath} is missing)`,
          `openclaw-fleet add ${i.name} to adopt it, or move the dir out of the root`,
          'warning',
        );
      case 'loaded-without-plist':
        return auditFinding(
          i.name,
          d,
          `${i.label} is loaded in launchd but ${i.plistPath} is gone: it will not come back after logout`,
          `openclaw-fleet stop ${i.name}, then openclaw-fleet add ${i.name}`,
        );
    }
  });
}

const octal = (mode: number): string => `0${mode.toString(8).padStart(3, '0')}`;
