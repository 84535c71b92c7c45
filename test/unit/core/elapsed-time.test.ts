import { describe, expect, it } from 'vitest';
import { parseElapsed, parsePsElapsed } from '../../../src-main/core/elapsed-time.ts';

describe('ps etime', () => {
  it.each([
    ['00:07', 7],
    ['01:02:03', 3723],
    ['2-00:00:01', 172801],
    ['garbage', null],
  ])('%s -> %s', (text, seconds) => {
    expect(parseElapsed(text)).toBe(seconds);
  });

  it('maps pids to ages and skips rows it cannot read', () => {
    expect(parsePsElapsed('  812      00:07\n 913 1-02:03:04\nbad row\n')).toEqual(
      new Map([
        [812, 7],
        [913, 93784],
      ]),
    );
  });
});
