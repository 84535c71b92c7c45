// A token in a plist is readable by every process of the user and ends up in `launchctl print`;
// the gateway reads it from openclaw.json, so the plist never needs one (openclaw-gateway.md §1).
import { finding, type Finding } from './finding.ts';
import type { LaunchAgentPlist } from './plist-contract.ts';

const SECRET_ENV_KEYS = ['OPENCLAW_GATEWAY_TOKEN', 'OPENCLAW_GATEWAY_PASSWORD'];
const SECRET_FLAGS = ['--token', '--password'];

export function lintSecrets(
  plist: LaunchAgentPlist,
  env: Record<string, string>,
  knownTokens: readonly string[],
): Finding[] {
  const args = Array.isArray(plist.ProgramArguments)
    ? plist.ProgramArguments.filter((a) => typeof a === 'string')
    : [];
  const places: string[] = [];
  for (const key of SECRET_ENV_KEYS) if (key in env) places.push(`EnvironmentVariables.${key}`);
  for (const [key, value] of Object.entries(env)) {
    if (!SECRET_ENV_KEYS.includes(key) && containsToken(value, knownTokens))
      places.push(`EnvironmentVariables.${key}`);
  }
  args.forEach((arg, i) => {
    if (
      SECRET_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)) ||
      containsToken(arg, knownTokens)
    ) {
      places.push(`ProgramArguments[${i}]`);
    }
  });
  if (places.length === 0) return [];
  return [
    finding(
      'plist-token-exposed',
      `a gateway secret is in the plist (${places.join(', ')}), where any process of the user and launchctl print can read it`,
      'remove it from the plist and keep the token only in the instance openclaw.json (gateway.auth.token); then rotate the token',
    ),
  ];
}

function containsToken(value: string, tokens: readonly string[]): boolean {
  // Short strings are never treated as tokens, so ports and names cannot match by accident.
  return tokens.some((t) => t.length >= 16 && value.includes(t));
}

/** A copy of argv fit for a message: secret flag values and known tokens become <redacted>. */
export function redactArguments(args: readonly string[], knownTokens: readonly string[]): string[] {
  return args.map((arg, i) => {
    const previous = args[i - 1];
    if (previous !== undefined && SECRET_FLAGS.includes(previous)) return '<redacted>';
    const flag = SECRET_FLAGS.find((f) => arg.startsWith(`${f}=`));
    if (flag !== undefined) return `${flag}=<redacted>`;
    return knownTokens.reduce((text, t) => (t.length >= 16 ? text.split(t).join('<redacted>') : text), arg);
  });
}
