import { describe, expect, it } from 'vitest';
import { parseLaunchdLabel } from '../../../src-main/core/launchctl-parse-label.ts';

describe('parseLaunchdLabel', () => {
  it.each(['ai.openclaw.luca', 'com.apple.Finder', 'a_b-c.1', 'A'])('accepts %s', (label) => {
    expect(parseLaunchdLabel(label)).toEqual({ ok: true, label });
  });

  it.each(['', '-k', '.hidden', 'gui/501/x', 'a b', 'a\tb', 'a\nb', 'a;b', 'a'.repeat(256)])(
    'rejects %j',
    (label) => {
      const check = parseLaunchdLabel(label);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.message).toContain(JSON.stringify(label));
    },
  );
});
