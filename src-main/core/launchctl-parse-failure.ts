// What a failed launchctl call means (docs/reference/launchd.md §2, §8). launchctl exits with the error number
// it prints, and its wording changes between releases, so the exit status decides first; the number printed
// in the text (`Bootstrap failed: 119: …`) second; the wording only when neither is known.

export type LaunchctlSubcommand =
  'bootstrap' | 'bootout' | 'kickstart' | 'print' | 'print-disabled' | 'list' | 'enable' | 'disable';

export type LaunchctlFailureKind =
  /** 113, or 3 (ESRCH) from bootout: the label is not loaded in the domain. */
  | 'not-loaded'
  /** 112 / 125: the gui/<uid> domain does not exist (no GUI login, e.g. SSH only). */
  | 'no-gui-domain'
  /**
   * 5 (EIO) / 37 (EALREADY): the label is already loaded, or still draining after a bootout, or (non-root)
   * disabled or unloadable. Only a follow-up `print` tells these apart.
   */
  | 'generic-or-already-loaded'
  /** 119: the label has a "disabled" override. */
  | 'disabled'
  /** 64: launchctl rejected the arguments. */
  | 'usage'
  /** 1 (EPERM). */
  | 'permission-denied'
  /** 36 (EINPROGRESS): a bootout accepted but reported as pending (10.15 era). */
  | 'in-progress'
  /** 107–111, 122: launchd refused the plist (malformed, no Label/Program, bad ownership). */
  | 'invalid-plist'
  | 'other';

export interface LaunchctlFailure {
  kind: LaunchctlFailureKind;
  /** Process exit status; null when only the text is known. */
  exitCode: number | null;
  /** The number in `… failed: <n>: <text>`, when the text carries one. */
  errorNumber: number | null;
  /** launchctl's stderr, kept verbatim for the user-facing message. */
  stderr: string;
}

export function classifyLaunchctlFailure(
  subcommand: LaunchctlSubcommand,
  exitCode: number | null,
  stderr: string,
): LaunchctlFailure {
  const errorNumber = reportedErrorNumber(stderr);
  const kind =
    (exitCode === null ? null : kindOfNumber(subcommand, exitCode)) ??
    (errorNumber === null ? null : kindOfNumber(subcommand, errorNumber)) ??
    kindOfText(stderr);
  return { kind, exitCode, errorNumber, stderr };
}

function kindOfNumber(subcommand: LaunchctlSubcommand, n: number): LaunchctlFailureKind | null {
  switch (n) {
    case 113:
      return 'not-loaded';
    case 3:
      return subcommand === 'bootout' ? 'not-loaded' : null;
    case 112:
    case 125:
      return 'no-gui-domain';
    case 5:
    case 37:
      return 'generic-or-already-loaded';
    case 119:
      return 'disabled';
    case 64:
      return 'usage';
    case 1:
      return 'permission-denied';
    case 36:
      return 'in-progress';
    case 107:
    case 108:
    case 109:
    case 110:
    case 111:
    case 122:
      return 'invalid-plist';
    default:
      return null;
  }
}

// In priority order; the first match wins.
const TEXT_KINDS: ReadonlyArray<readonly [RegExp, LaunchctlFailureKind]> = [
  [/Could not find service /, 'not-loaded'],
  [/Could not find domain|Domain does not support specified action/, 'no-gui-domain'],
  [/Service is disabled/, 'disabled'],
  [/service already (?:loaded|bootstrapped)|Operation already in progress/, 'generic-or-already-loaded'],
  [/Operation not permitted/, 'permission-denied'],
  [/Unrecognized target specifier|^Usage: /m, 'usage'],
  [
    /Invalid property list|bad ownership\/permissions|Invalid or missing|Malformed bundle|Invalid path/,
    'invalid-plist',
  ],
  [/Operation now in progress/, 'in-progress'],
];

function kindOfText(stderr: string): LaunchctlFailureKind {
  for (const [pattern, kind] of TEXT_KINDS) if (pattern.test(stderr)) return kind;
  return 'other';
}

// `Bootstrap failed: 5: Input/output error`, `Boot-out failed: 3: …`, `Could not enable service: 125: …`,
// `Could not kickstart service "x": 1: …`, `Could not print domain: 1: …`.
const REPORTED_ERROR = /(?:failed|Could not [a-z]+ (?:service|domain)(?: "[^"]*")?): (\d+): /;

export function reportedErrorNumber(stderr: string): number | null {
  const match = REPORTED_ERROR.exec(stderr);
  return match ? Number(match[1]) : null;
}
