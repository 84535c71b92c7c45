import { describe, expect, it } from 'vitest';
import { isSupportedNode, parseNodeVersion } from '../../../src-main/core/node-version.ts';

describe('node version', () => {
  it('parses `node -v` output', () => {
    expect(parseNodeVersion('v24.21.0\n')).toEqual([24, 21, 0]);
    expect(parseNodeVersion('24.16.1')).toEqual([24, 16, 1]);
    expect(parseNodeVersion('Welcome to Node')).toBeNull();
    expect(parseNodeVersion('')).toBeNull();
  });

  it('accepts 24.16 and later only', () => {
    expect(isSupportedNode([24, 16, 0])).toBe(true);
    expect(isSupportedNode([24, 21, 0])).toBe(true);
    expect(isSupportedNode([25, 0, 0])).toBe(true);
    expect(isSupportedNode([24, 15, 9])).toBe(false);
    expect(isSupportedNode([20, 20, 2])).toBe(false);
  });
});
