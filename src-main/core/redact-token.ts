// The instance token must never reach the terminal (docs/contracts.md "Secrets"). The gateway does not
// print it, but a log is written by whatever runs under the job, so every line shown is scrubbed.
export const REDACTED = '[redacted token]';

export function redactToken(text: string, token: string | null): string {
  // A short "token" would redact ordinary words; real tokens are 64 hex characters.
  if (token === null || token.length < 8) return text;
  return text.split(token).join(REDACTED);
}
