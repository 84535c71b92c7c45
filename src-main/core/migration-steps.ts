// The steps of a migration, as data: the dry run prints them, the executor runs them in order and
// undoes the done ones in reverse when a later one fails. Descriptions name every path and every
// launchctl call, and never a token.
import { describeConfigEdit, type ConfigEdit } from './migration-config.ts';

export type MigrationStep =
  | { kind: 'lock'; paths: string[] }
  | { kind: 'unload-legacy'; label: string }
  | { kind: 'backup-file'; from: string; to: string }
  | { kind: 'backup-tree'; from: string; to: string }
  | { kind: 'write-manifest'; path: string }
  | { kind: 'create-state-dir'; path: string }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'ensure-dir'; path: string }
  | { kind: 'write-config'; path: string; create: boolean; edits: ConfigEdit[] }
  | { kind: 'write-plist'; path: string; label: string }
  | { kind: 'retire-legacy-plist'; path: string; backup: string }
  | { kind: 'load'; label: string; plistPath: string }
  | { kind: 'wait-serving'; label: string; port: number; timeoutSeconds: number };

export function describeStep(step: MigrationStep, domain: string): string {
  switch (step.kind) {
    case 'lock':
      return `take the operation locks ${step.paths.join(' and ')}, then check that nothing planned has changed`;
    case 'unload-legacy':
      return `launchctl bootout ${domain}/${step.label}, then wait until launchd has forgotten it`;
    case 'backup-file':
      return `copy ${step.from} to ${step.to}`;
    case 'backup-tree':
      return `copy ${step.from} to ${step.to}`;
    case 'write-manifest':
      return `write ${step.path} (what moved where, for recovery by hand)`;
    case 'create-state-dir':
      return `create ${step.path} (mode 0700)`;
    case 'move':
      return `move ${step.from} to ${step.to}`;
    case 'ensure-dir':
      return `create ${step.path} (mode 0700)`;
    case 'write-config':
      return step.create
        ? `create ${step.path} (mode 0600): ${step.edits.map(describeConfigEdit).join(', ')}`
        : `rewrite ${step.path} (mode 0600) as JSON: ${step.edits.map(describeConfigEdit).join(', ')}`;
    case 'write-plist':
      return `write ${step.path} (mode 0644), the contract plist of ${step.label}`;
    case 'retire-legacy-plist':
      return `remove ${step.path} from the LaunchAgents dir (its copy stays at ${step.backup})`;
    case 'load':
      return `launchctl enable ${domain}/${step.label}; launchctl bootstrap ${domain} ${step.plistPath}`;
    case 'wait-serving':
      return `wait until ${step.label} serves on port ${step.port} (/healthz; at most ${step.timeoutSeconds} s)`;
  }
}
