// Which launchd labels are fleet instances, which belong to OpenClaw's own services, and which are
// gateways outside the fleet's layout that the user should hear about (openclaw-gateway.md §1).
import { nameFromLabel } from './instance-name.ts';

export type LabelKind =
  | { kind: 'instance'; name: string }
  /** ai.openclaw.node (node host), ai.openclaw.mac (the Mac app), updater jobs: not gateways. */
  | { kind: 'openclaw-service' }
  /** ai.openclaw.gateway (the CLI's default agent) and com.openclaw.* / bot.molt.* from older releases. */
  | { kind: 'legacy-gateway' }
  /** An ai.openclaw.* label whose suffix is not a valid instance name. */
  | { kind: 'foreign-gateway' }
  | { kind: 'unrelated' };

const SERVICE_LABELS = new Set(['ai.openclaw.node', 'ai.openclaw.mac']);
const UPDATER = /^ai\.openclaw\.(?:update\.|manual-update\.|[a-z0-9][a-z0-9_-]*\.update\.)/;

export function classifyLabel(label: string): LabelKind {
  if (SERVICE_LABELS.has(label) || UPDATER.test(label)) return { kind: 'openclaw-service' };
  if (label === 'ai.openclaw.gateway' || label.startsWith('com.openclaw.') || label.startsWith('bot.molt.')) {
    return { kind: 'legacy-gateway' };
  }
  const name = nameFromLabel(label);
  if (name !== null) return { kind: 'instance', name };
  if (label.startsWith('ai.openclaw.')) return { kind: 'foreign-gateway' };
  return { kind: 'unrelated' };
}

/** Plist file names worth reading in the LaunchAgents dir. */
export function isCandidatePlistName(fileName: string): boolean {
  return /^(ai\.openclaw\.|com\.openclaw\.|bot\.molt\.).+\.plist$/.test(fileName);
}
