// A launchd label goes into launchctl's argv as part of `gui/<uid>/<label>`, so it is checked before that:
// a `/` would change the target, whitespace or control characters would corrupt output parsing, and a
// leading `-` would read as an option. launchd itself documents no charset; reverse-DNS labels use letters,
// digits, `.`, `-` and `_`, which is what this accepts.

export type LabelCheck = { ok: true; label: string } | { ok: false; message: string };

const LABEL = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const MAX_LABEL_LENGTH = 255;

export function parseLaunchdLabel(input: string): LabelCheck {
  if (input.length === 0 || input.length > MAX_LABEL_LENGTH || !LABEL.test(input)) {
    return {
      ok: false,
      message:
        `invalid launchd label ${JSON.stringify(input)}: use 1-${MAX_LABEL_LENGTH} characters of A-Z, a-z, 0-9, ` +
        `'.', '-' and '_', not starting with '.' or '-'`,
    };
  }
  return { ok: true, label: input };
}
