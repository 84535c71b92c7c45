// Gateway tokens: 32 bytes from the OS CSPRNG, hex so they survive any shell, URL or JSON context.
import { randomBytes } from 'node:crypto';

export const TOKEN_BYTES = 32;

export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('hex');
}
