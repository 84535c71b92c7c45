// Constant-time comparison of a presented secret with the host token.
import { timingSafeEqual } from 'node:crypto';

export function sameSecret(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
