// Small probes for the start/stop/restart/logs tests: launchd's own view through the simulator,
// and the process and port facts a verified outcome claims.
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { parseServicePrint, type ServicePrint } from '../../src-main/core/launchctl-parse-print-service.ts';
import type { FleetEnv } from '../helpers/fleet-env.ts';

/** `launchctl print gui/<uid>/<label>`, or null when launchd does not know the label (113). */
export async function printJob(env: FleetEnv, label: string): Promise<ServicePrint | null> {
  const result = await env.sim.run(['print', `${env.sim.domain}/${label}`]);
  if (result.exitCode === 113) return null;
  expect(result.exitCode, result.stderr).toBe(0);
  return parseServicePrint(result.stdout);
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when nothing listens on the loopback port (we could bind it ourselves). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The one number after `pid ` in an outcome line. */
export function pidIn(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  expect(match, `no match for ${pattern} in: ${text}`).not.toBeNull();
  return Number(match![1]);
}

export function expectNoTokens(env: FleetEnv): void {
  const transcript = env.transcript();
  for (const token of env.tokens()) expect(transcript).not.toContain(token);
}
