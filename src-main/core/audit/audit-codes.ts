// Every code the audit can emit. Codes are a contract (docs/contracts.md): scripts match on them,
// so they are only ever added, never renamed. A test checks each one has a fixture that triggers it.
export const AUDIT_CODES = [
  // cluster
  'duplicate-label',
  'duplicate-port',
  'port-spacing',
  'duplicate-state-dir',
  'duplicate-token',
  // sources the audit could not read
  'launchd-unavailable',
  'listeners-unavailable',
  // layout
  'root-live-state',
  'legacy-gateway-job',
  'foreign-gateway-job',
  'stray-state-dir',
  // plist contract (src-main/core/plist-lint*.ts)
  'plist-unreadable',
  'plist-label-missing',
  'plist-label-file-mismatch',
  'plist-run-at-load',
  'plist-keep-alive',
  'plist-program-arguments',
  'plist-node-not-absolute',
  'plist-node-missing',
  'plist-entry-missing',
  'plist-extra-arguments',
  'plist-path-env',
  'plist-state-dir-missing',
  'plist-state-dir-mismatch',
  'plist-self-label-mismatch',
  'plist-log-path-missing',
  'plist-log-path-outside',
  'plist-log-dir-missing',
  'plist-token-exposed',
  // instance config and files
  'config-missing',
  'config-invalid',
  'auth-mode-not-token',
  'token-missing',
  'config-port-mismatch',
  'config-mode-not-local',
  'config-bind-not-loopback',
  'state-dir-mode',
  'config-file-mode',
  // drift
  'plist-without-state-dir',
  'state-dir-without-plist',
  'loaded-without-plist',
  'plist-changed-since-load',
  'instance-disabled',
  // runtime
  'port-foreign-listener',
  'state-dir-foreign-owner',
] as const;

export type AuditCode = (typeof AUDIT_CODES)[number];
