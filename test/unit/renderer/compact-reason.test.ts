import { describe, expect, it } from 'vitest';
import { compactReason } from '../../../src-renderer/format.ts';

describe('a reason in the compact row', () => {
  it('drops the time stamps of the log lines it quotes, and nothing else', () => {
    expect(
      compactReason(
        'exit 78: 2026-11-25T09:25:16.618+00:00 [openclaw] Uncaught exception: Error: boom, launchd keeps respawning it',
      ),
    ).toBe('exit 78: [openclaw] Uncaught exception: Error: boom, launchd keeps respawning it');
    expect(compactReason('3 exits in the last 120 s; last: exit 1: 2026-01-02T03:04:05Z [gateway] x')).toBe(
      '3 exits in the last 120 s; last: exit 1: [gateway] x',
    );
    expect(compactReason('loaded but not running (exit 1): 2026-01-02T03:04:05+0100 [gateway] x')).toBe(
      'loaded but not running (exit 1): [gateway] x',
    );
    const plain =
      'token rejected by the gateway (AUTH_TOKEN_MISMATCH): openclaw.json and the running gateway disagree';
    expect(compactReason(plain)).toBe(plain);
  });
});
