// The environment and executable of a gui-domain agent (spec §4.5). Nothing of the shell that
// ran launchctl leaks in: only launchd's defaults, the account fields and the plist's own values.
import type { JobSpec } from './job-spec.ts';

/** launchd's `_PATH_STDPATH`: the default PATH and the search path for a relative argv[0]. */
export const STANDARD_PATH = '/usr/bin:/bin:/usr/sbin:/sbin';

export const ACCOUNT_VARIABLES = ['HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR'] as const;
export type Account = Partial<Record<(typeof ACCOUNT_VARIABLES)[number], string>>;

/** The `environment` block of `print`: the plist's variables plus XPC_SERVICE_NAME. */
export function printedEnvironment(spec: JobSpec): Array<[string, string]> {
  return [...Object.entries(spec.environmentVariables), ['XPC_SERVICE_NAME', spec.label]];
}

/**
 * Defaults first (PATH — replaced, not merged, when the plist sets it), then the plist's values,
 * then XPC_SERVICE_NAME; account fields fill in only what the plist left unset.
 */
export function jobEnvironment(spec: JobSpec, account: Account): Record<string, string> {
  const env: Record<string, string> = {
    PATH: STANDARD_PATH,
    ...spec.environmentVariables,
    XPC_SERVICE_NAME: spec.label,
  };
  for (const name of ACCOUNT_VARIABLES) {
    const value = account[name];
    if (value !== undefined && !(name in spec.environmentVariables)) env[name] = value;
  }
  return env;
}

/**
 * The file to exec. `Program` is used as written; without it a slash-free argv[0] is looked up
 * in the standard path (not the job's PATH), as launchd does. Relative paths stay relative and
 * resolve against the working directory the child is started in.
 */
export function executableFor(spec: JobSpec, isExecutableFile: (path: string) => boolean): string {
  if (spec.program !== undefined) return spec.program;
  const argv0 = spec.programArguments?.[0] ?? '';
  if (argv0.includes('/')) return argv0;
  for (const dir of STANDARD_PATH.split(':')) {
    const candidate = `${dir}/${argv0}`;
    if (isExecutableFile(candidate)) return candidate;
  }
  return argv0;
}
