// One problem found by a lint or an audit rule. Codes are stable kebab-case identifiers that scripts
// and tests rely on; messages are for people and never contain a token.
export type Severity = 'error' | 'warning';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** What to do about it: a command where one exists, otherwise one instruction. */
  fix: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function finding(code: string, message: string, fix: string, severity: Severity = 'error'): Finding {
  return { code, severity, message, fix };
}
