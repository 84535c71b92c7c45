import { describe, expect, it } from 'vitest';
import {
  isExitExpected,
  parseExitIntent,
  type ExitIntent,
} from '../../../../src-main/core/monitor/exit-intents.ts';

const intent: ExitIntent = { name: 'luca', pid: 812, operation: 'restart', until: 10_000 };

describe('exit intents', () => {
  it('cover the exit of the announced pid of that instance only, until they lapse', () => {
    expect(isExitExpected([intent], 'luca', 812, 9_000)).toBe(true);
    expect(isExitExpected([intent], 'luca', 812, 10_000)).toBe(true);
    // A stale record (a CLI that died mid-restart) expires by time.
    expect(isExitExpected([intent], 'luca', 812, 10_001)).toBe(false);
    // The replacement's own exit is another process: not covered.
    expect(isExitExpected([intent], 'luca', 913, 9_000)).toBe(false);
    expect(isExitExpected([intent], 'ana', 812, 9_000)).toBe(false);
    expect(isExitExpected([intent], 'luca', null, 9_000)).toBe(false);
    expect(isExitExpected([], 'luca', 812, 9_000)).toBe(false);
  });

  it('are read back from their record, and a damaged record is no intent', () => {
    expect(parseExitIntent(JSON.stringify(intent))).toEqual(intent);
    expect(parseExitIntent(JSON.stringify({ name: 'luca', pid: 812, until: 5 }))).toEqual({
      name: 'luca',
      pid: 812,
      operation: 'an operation',
      until: 5,
    });
    for (const bad of [
      '',
      '{',
      'null',
      '[]',
      '{"name":"luca","pid":"812","until":5}',
      '{"name":"luca","pid":1.5,"until":5}',
    ])
      expect(parseExitIntent(bad)).toBeNull();
  });
});
