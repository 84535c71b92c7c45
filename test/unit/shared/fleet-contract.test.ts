import { describe, expect, it } from 'vitest';
import {
  CONTRACT_COMPLETE,
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
} from '../../../src-main/shared/fleet-contract.ts';
import {
  PUSH_SCHEMAS,
  REQUEST_SCHEMAS,
  RESPONSE_SCHEMAS,
} from '../../../src-main/shared/fleet-contract-schemas.ts';

describe('the fleet contract', () => {
  it('has a request and a response schema for every invoke channel, and a schema for every push', () => {
    expect(CONTRACT_COMPLETE).toBe(true);
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    expect(Object.keys(RESPONSE_SCHEMAS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    expect(Object.keys(PUSH_SCHEMAS).sort()).toEqual(Object.keys(PUSH_CHANNELS).sort());
  });

  it('uses each wire name once', () => {
    const names = [...Object.values(INVOKE_CHANNELS), ...Object.values(PUSH_CHANNELS)];
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['a path', { name: '../etc' }],
    ['an uppercase name', { name: 'Luca' }],
    ['a missing name', {}],
    ['an extra key', { name: 'luca', token: 'x' }],
    ['a number', { name: 7 }],
    ['null', null],
  ])('refuses %s as an instance request', (_what, payload) => {
    expect(REQUEST_SCHEMAS.restart.safeParse(payload).success).toBe(false);
  });

  it('accepts well-formed requests', () => {
    expect(REQUEST_SCHEMAS.restart.parse({ name: 'critic-2' })).toEqual({ name: 'critic-2' });
    expect(REQUEST_SCHEMAS.add.parse({ name: 'luca', port: null })).toEqual({ name: 'luca', port: null });
    expect(REQUEST_SCHEMAS.add.safeParse({ name: 'luca', port: 80 }).success).toBe(false);
    expect(REQUEST_SCHEMAS.getSnapshot.parse(null)).toBeNull();
  });
});
