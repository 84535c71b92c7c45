import { describe, expect, it } from 'vitest';
import { checkInstanceName, labelFor, nameFromLabel } from '../../../src-main/core/instance-name.ts';

describe('checkInstanceName', () => {
  it.each(['luca', 'critic-2', '0', 'a'.repeat(32)])('accepts %s', (name) => {
    expect(checkInstanceName(name)).toEqual({ ok: true, name });
  });

  it.each(['', 'Luca', '-luca', 'a'.repeat(33), 'luca_2', '../x', 'a/b', 'luca ', 'é'])(
    'rejects %j',
    (name) => {
      const check = checkInstanceName(name);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.message).toContain(JSON.stringify(name));
    },
  );

  it.each(['gateway', 'node', 'mac'])('rejects the OpenClaw label %s and says why', (name) => {
    const check = checkInstanceName(name);
    expect(check).toEqual({
      ok: false,
      message: expect.stringContaining(`ai.openclaw.${name} is used by OpenClaw`),
    });
  });
});

describe('labels', () => {
  it('maps names to labels and back', () => {
    expect(labelFor('luca')).toBe('ai.openclaw.luca');
    expect(nameFromLabel('ai.openclaw.luca')).toBe('luca');
  });

  it('does not treat OpenClaw service labels or foreign labels as instances', () => {
    expect(nameFromLabel('ai.openclaw.gateway')).toBeNull();
    expect(nameFromLabel('ai.openclaw.node')).toBeNull();
    expect(nameFromLabel('ai.openclaw.update.123')).toBeNull();
    expect(nameFromLabel('com.openclaw.luca')).toBeNull();
  });
});
