import { describe, expect, it } from 'vitest';
import type { ExitOutcome } from '../../launchd-sim/exit-status.ts';
import { parseKeepAlive } from '../../launchd-sim/job-spec.ts';
import { shouldRespawn, startsAtLoad, type KeepAliveProbes } from '../../launchd-sim/keepalive.ts';
import { respawnDelayMs, sigkillGraceMs } from '../../launchd-sim/throttle.ts';

const world = (paths: string[] = [], jobs: string[] = []): KeepAliveProbes => ({
  pathExists: (path) => paths.includes(path),
  jobLoaded: (label) => jobs.includes(label),
});
const exit0: ExitOutcome = { kind: 'exited', code: 0 };
const exit1: ExitOutcome = { kind: 'exited', code: 1 };
const segv: ExitOutcome = { kind: 'signaled', signal: 'SIGSEGV' };
const term: ExitOutcome = { kind: 'signaled', signal: 'SIGTERM' };
const kill: ExitOutcome = { kind: 'signaled', signal: 'SIGKILL' };

describe('KeepAlive respawn decision', () => {
  // [KeepAlive plist value, exit 0, exit 1, SIGSEGV, SIGTERM, SIGKILL]
  const table: Array<[string, unknown, boolean[]]> = [
    ['absent', undefined, [false, false, false, false, false]],
    ['false', false, [false, false, false, false, false]],
    ['true', true, [true, true, true, true, true]],
    ['SuccessfulExit = true', { SuccessfulExit: true }, [true, false, false, false, false]],
    ['SuccessfulExit = false', { SuccessfulExit: false }, [false, true, true, true, true]],
    ['Crashed = true', { Crashed: true }, [false, false, true, false, false]],
    ['Crashed = false', { Crashed: false }, [true, true, false, true, true]],
    [
      'SuccessfulExit = true OR Crashed = true',
      { SuccessfulExit: true, Crashed: true },
      [true, false, true, false, false],
    ],
    [
      'NetworkState only (no longer implemented)',
      { NetworkState: true },
      [false, false, false, false, false],
    ],
  ];

  it.each(table)('%s', (_name, plistValue, expected) => {
    const keepAlive = parseKeepAlive(plistValue);
    expect(
      [exit0, exit1, segv, term, kill].map((outcome) => shouldRespawn(keepAlive, outcome, world(), false)),
    ).toEqual(expected);
  });

  it('PathState and OtherJobEnabled respawn while their condition holds', () => {
    const keepAlive = parseKeepAlive({
      PathState: { '/flag': true },
      OtherJobEnabled: { 'other.job': false },
    });
    expect(shouldRespawn(keepAlive, exit0, world(['/flag'], ['other.job']), false)).toBe(true);
    expect(shouldRespawn(keepAlive, exit0, world([], []), false)).toBe(true);
    expect(shouldRespawn(keepAlive, exit0, world([], ['other.job']), false)).toBe(false);
  });

  it('AfterInitialDemand defers the conditions until the job was demanded once', () => {
    const keepAlive = parseKeepAlive({ SuccessfulExit: false, AfterInitialDemand: true });
    expect(shouldRespawn(keepAlive, exit1, world(), false)).toBe(false);
    expect(shouldRespawn(keepAlive, exit1, world(), true)).toBe(true);
  });
});

describe('launch at load', () => {
  it.each([
    [false, undefined, false],
    [true, undefined, true],
    [false, true, true],
    [false, { SuccessfulExit: true }, true],
    [false, { Crashed: false }, true],
    [false, { SuccessfulExit: false, AfterInitialDemand: true }, false],
    [true, { SuccessfulExit: false, AfterInitialDemand: true }, true],
    [false, { PathState: { '/missing': true } }, false],
    [false, { PathState: { '/missing': false } }, true],
  ])('RunAtLoad %s, KeepAlive %j → %s', (runAtLoad, plistValue, expected) => {
    expect(startsAtLoad(runAtLoad, parseKeepAlive(plistValue), world())).toBe(expected);
  });
});

describe('throttle', () => {
  it('postpones a short-lived instance by (interval − lifetime)', () => {
    expect(respawnDelayMs(10, 0, 1)).toBe(10_000);
    expect(respawnDelayMs(10, 4000, 1)).toBe(6000);
    expect(respawnDelayMs(45, 29_000, 1)).toBe(16_000);
  });

  it('respawns at once once the instance lived the whole interval', () => {
    expect(respawnDelayMs(10, 10_000, 1)).toBe(0);
    expect(respawnDelayMs(10, 60_000, 1)).toBe(0);
    expect(respawnDelayMs(0, 0, 1)).toBe(0);
  });

  it('scales the interval, not the measured lifetime', () => {
    expect(respawnDelayMs(10, 200, 0.1)).toBe(800);
    expect(respawnDelayMs(10, 1500, 0.1)).toBe(0);
  });

  it('gives SIGKILL after the scaled ExitTimeOut, never with ExitTimeOut = 0', () => {
    expect(sigkillGraceMs(5, 1)).toBe(5000);
    expect(sigkillGraceMs(5, 0.1)).toBe(500);
    expect(sigkillGraceMs(0, 0.1)).toBeNull();
  });
});
