import { describe, expect, it } from 'vitest';
import {
  classifyLaunchctlFailure,
  reportedErrorNumber,
  type LaunchctlFailureKind,
  type LaunchctlSubcommand,
} from '../../../src-main/core/launchctl-parse-failure.ts';

describe('classifyLaunchctlFailure by exit status', () => {
  it.each<[LaunchctlSubcommand, number, LaunchctlFailureKind]>([
    ['print', 113, 'not-loaded'],
    ['kickstart', 113, 'not-loaded'],
    ['bootout', 3, 'not-loaded'],
    ['bootstrap', 3, 'other'],
    ['print', 112, 'no-gui-domain'],
    ['bootstrap', 125, 'no-gui-domain'],
    ['enable', 125, 'no-gui-domain'],
    ['bootstrap', 5, 'generic-or-already-loaded'],
    ['bootstrap', 37, 'generic-or-already-loaded'],
    ['bootstrap', 119, 'disabled'],
    ['bootout', 64, 'usage'],
    ['bootout', 1, 'permission-denied'],
    ['bootout', 36, 'in-progress'],
    ['bootstrap', 111, 'invalid-plist'],
    ['bootstrap', 122, 'invalid-plist'],
    ['kickstart', 150, 'other'],
  ])('%s exiting %i is %s', (subcommand, exitCode, kind) => {
    expect(classifyLaunchctlFailure(subcommand, exitCode, '').kind).toBe(kind);
  });

  it('lets the exit status win over contradicting text', () => {
    expect(classifyLaunchctlFailure('print', 113, 'Operation not permitted').kind).toBe('not-loaded');
  });

  it('uses the number printed in the text when the exit status says nothing', () => {
    expect(
      classifyLaunchctlFailure(
        'bootstrap',
        133,
        'Bootstrap failed: 125: Domain does not support specified action',
      ),
    ).toEqual({
      kind: 'no-gui-domain',
      exitCode: 133,
      errorNumber: 125,
      stderr: 'Bootstrap failed: 125: Domain does not support specified action',
    });
  });

  it('falls back to other when neither status nor text is known', () => {
    expect(classifyLaunchctlFailure('print', 42, 'Something new happened')).toMatchObject({
      kind: 'other',
      errorNumber: null,
    });
  });
});

describe('reportedErrorNumber', () => {
  it.each([
    ['Bootstrap failed: 5: Input/output error', 5],
    ['Boot-out failed: 3: No such process', 3],
    ['Could not enable service: 125: Domain does not support specified action', 125],
    ['Could not kickstart service "a.b": 1: Operation not permitted', 1],
    ['Could not print domain: 1: Operation not permitted', 1],
    ['Could not find service "a.b" in domain for user gui: 501', null],
  ])('%s → %s', (text, n) => {
    expect(reportedErrorNumber(text)).toBe(n);
  });
});
