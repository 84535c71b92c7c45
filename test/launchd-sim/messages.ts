// launchctl's stderr texts and the exit status that goes with each (launchd.md §0–§3). Pure, so
// both the client (usage errors) and the supervisor (everything else) render the same bytes.
import type { Domain } from './argv.ts';

export interface Reply {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function reply(exitCode: number, stdout = '', stderr = ''): Reply {
  return { exitCode, stdout, stderr };
}

/** strerror(3) for the POSIX numbers below 107, launchd's own table from 107 up (§2.2). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  2: 'No such file or directory',
  3: 'No such process',
  5: 'Input/output error',
  37: 'Operation already in progress',
  110: 'Invalid or missing service identifier',
  111: 'Invalid or missing Program/ProgramArguments',
  112: 'Could not find specified domain',
  113: 'Could not find specified service',
  119: 'Service is disabled',
  122: 'Path had bad ownership/permissions',
  125: 'Domain does not support specified action',
  133: 'Multiple errors were returned; see stderr',
};

export function errorText(code: number): string {
  return ERROR_TEXT[code] ?? `Unknown error: ${code}`;
}

export const NON_ROOT_HINT = 'Try re-running the command as root for richer errors.';

/** The domain as launchctl names it after `in domain for ` / `Could not find domain for ` (§1). */
export function domainWording(domain: Domain): string {
  if (domain.kind === 'gui') return `user gui: ${domain.uid}`;
  const [kind, id] = domain.name.split('/');
  if (kind === 'user') return `uid: ${id}`;
  return id === undefined ? domain.name : `${kind}: ${id}`;
}

export function serviceNotFound(label: string, domain: Domain): string {
  return `Could not find service "${label}" in domain for ${domainWording(domain)}\n`;
}

export function domainNotFound(domain: Domain): string {
  return `Could not find domain for ${domainWording(domain)}\n`;
}

export function failed(verb: 'Bootstrap' | 'Boot-out', code: number): string {
  return `${verb} failed: ${code}: ${errorText(code)}\n`;
}

export function enableFailed(verb: 'enable' | 'disable', code: number): string {
  return `Could not ${verb} service: ${code}: ${errorText(code)}\n`;
}

const USAGE: Readonly<Record<string, string>> = {
  bootstrap: '<domain-target> [service-path, service-path2, ...]',
  bootout: '<domain-target> [service-path1, service-path2, ...] | <service-target>',
  enable: '<service-target>',
  disable: '<service-target>',
  kickstart: '[-k] [-p] <service-target>',
  print: '<domain-target> | <service-target>',
  'print-disabled': '<domain-target>',
  list: '[service-name]',
};

const TARGET_HELP =
  '<service-target> takes a form of <domain-target>/<service-id>.\n' +
  'Please refer to `man launchctl` for explanation of the <domain-target> specifiers.\n';

const GENERAL_USAGE =
  'Usage: launchctl <subcommand> ... | help [subcommand]\n' +
  'Many subcommands take a target specifier that refers to a domain or service\n' +
  'within that domain. The available specifier forms are:\n' +
  '\n' +
  'system/[service-name]\n' +
  'Targets the system-wide domain or service within. Root privileges are required\n' +
  'to make modifications.\n' +
  '\n' +
  'user/<uid>/[service-name]\n' +
  'Targets the user domain or service within. A process running as the target user\n' +
  "may make modifications. Root may modify any user's domain. User domains do not\n" +
  'exist on iOS.\n' +
  '\n' +
  'gui/<uid>/[service-name]\n' +
  'Targets the GUI domain or service within. Each GUI domain is associated with a\n' +
  'user domain, and a process running as the owner of that user domain may make\n' +
  'modifications. Root may modify any GUI domain. GUI domains do not exist on iOS.\n';

/**
 * Usage text for a known verb. The macOS 15 bootout capture shows the layout: an optional
 * "Unrecognized target specifier." line, the Usage line, then the two target-syntax lines.
 */
export function usageText(verb: string, badTarget: boolean): string {
  const spec = USAGE[verb];
  if (spec === undefined) return `Unrecognized subcommand: ${verb}\n${GENERAL_USAGE}`;
  const head = badTarget ? 'Unrecognized target specifier.\n' : '';
  const targetHelp = spec.includes('target') ? TARGET_HELP : '';
  return `${head}Usage: launchctl ${verb} ${spec}\n${targetHelp}`;
}

export const EX_USAGE = 64;
