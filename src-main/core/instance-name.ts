// Instance names end up in file paths and launchctl arguments, so they are checked before anything
// else sees them. `gateway`, `node` and `mac` are labels OpenClaw itself uses (ai.openclaw.<x>).
export const INSTANCE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const RESERVED_INSTANCE_NAMES: readonly string[] = ['gateway', 'node', 'mac'];
export const LABEL_PREFIX = 'ai.openclaw.';

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

export function checkInstanceName(input: string): NameCheck {
  if (!INSTANCE_NAME_PATTERN.test(input)) {
    return {
      ok: false,
      message:
        `invalid instance name ${JSON.stringify(input)}: use 1-32 characters of a-z, 0-9 and '-', ` +
        `starting with a letter or digit (for example "luca" or "critic-2")`,
    };
  }
  if (RESERVED_INSTANCE_NAMES.includes(input)) {
    return {
      ok: false,
      message: `invalid instance name "${input}": ai.openclaw.${input} is used by OpenClaw itself; pick another name`,
    };
  }
  return { ok: true, name: input };
}

export function labelFor(name: string): string {
  return `${LABEL_PREFIX}${name}`;
}

/** The instance name of a fleet label, or null when the label is not a fleet instance label. */
export function nameFromLabel(label: string): string | null {
  if (!label.startsWith(LABEL_PREFIX)) return null;
  const name = label.slice(LABEL_PREFIX.length);
  return checkInstanceName(name).ok ? name : null;
}
