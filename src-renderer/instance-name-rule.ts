// The Add form's live check of a new instance name: the rule the host enforces
// (src-main/core/instance-name.ts), explained one cause at a time, plus names already taken.
export const INSTANCE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const RESERVED_NAMES: readonly string[] = ['gateway', 'node', 'mac'];

/** Why the name cannot be used, or null when it can. */
export function nameProblem(name: string, taken: readonly string[]): string | null {
  if (name === '') return 'Enter a name.';
  if (name.length > 32) return `At most 32 characters (this one has ${name.length}).`;
  if (/[A-Z]/.test(name)) return 'Use lowercase letters: a–z, 0–9 and -.';
  if (/[^a-z0-9-]/.test(name)) return 'Only a–z, 0–9 and - are allowed.';
  if (name.startsWith('-')) return 'Start with a letter or a digit.';
  if (!INSTANCE_NAME_PATTERN.test(name)) return 'Use 1–32 characters of a–z, 0–9 and -.';
  if (RESERVED_NAMES.includes(name)) {
    return `“${name}” is reserved: OpenClaw itself uses ai.openclaw.${name}. Pick another name.`;
  }
  if (taken.includes(name)) return `There is already an instance named “${name}”.`;
  return null;
}

/** The port field: empty lets the fleet pick. */
export function parsePort(text: string): { port: number | null } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { port: null };
  const port = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || port < 1024 || port > 65535) {
    return { problem: 'A port from 1024 to 65535, or empty to let the fleet pick one.' };
  }
  return { port };
}
