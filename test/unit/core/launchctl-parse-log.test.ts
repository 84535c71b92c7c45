// The captured launchd log lines are covered in launchctl-parse-samples.test.ts; these are the other shapes.
import { describe, expect, it } from 'vitest';
import { parseLaunchdLog, secondsOfDay } from '../../../src-main/core/launchctl-parse-log.ts';

describe('parseLaunchdLog', () => {
  it('reads the exit code of a system.log "abnormal code" line (10.10–10.15 wording)', () => {
    const line =
      'Jan  1 10:00:00 host com.apple.xpc.launchd[1] (ai.openclaw.luca[4242]): Service exited with abnormal code: 78';
    expect(parseLaunchdLog(line)).toEqual([
      { time: '10:00:00', target: 'ai.openclaw.luca', pid: 4242, kind: 'exited', code: 78, signal: null },
    ]);
  });

  it('ignores lines it does not recognise', () => {
    expect(
      parseLaunchdLog('hello\n\n2021-12-03 14:56:43.167230 (system/x) <Notice>: launching: speculative'),
    ).toEqual([]);
  });
});

describe('secondsOfDay', () => {
  it('reads times with and without fractions', () => {
    expect(secondsOfDay('11:27:30.751')).toBeCloseTo(41250.751, 3);
    expect(secondsOfDay('00:00:05')).toBe(5);
  });
});
