import { describe, expect, it } from 'vitest';
import { lastErrorLine, lastLines } from '../../../src-main/core/last-error-line.ts';

describe('lastErrorLine', () => {
  it('prefers the newest line matching a known failure over later noise', () => {
    const log = [
      '[gateway] listening on ws://127.0.0.1:18789',
      'Gateway start blocked: set gateway.mode=local (current: remote) or pass --allow-unconfigured.',
      '[shutdown] completed cleanly in 3ms',
      '',
    ].join('\n');
    expect(lastErrorLine(log)).toBe(
      'Gateway start blocked: set gateway.mode=local (current: remote) or pass --allow-unconfigured.',
    );
  });

  it('falls back to the last non-empty line', () => {
    const log =
      'a\nGateway failed to start: Doctor could not enter maintenance. StateDatabaseCoordinatorContentionError: another OpenClaw process owns gateway-lifecycle\n\n  \n';
    expect(lastErrorLine(log)).toMatch(/another OpenClaw process owns gateway-lifecycle$/);
  });

  it('has nothing to say about an empty log', () => {
    expect(lastErrorLine('\n \n')).toBeNull();
  });

  it('keeps the last N non-empty lines in order', () => {
    expect(lastLines('1\n\n2\n3\n', 2)).toEqual(['2', '3']);
  });
});
