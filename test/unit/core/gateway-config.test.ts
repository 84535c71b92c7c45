import { describe, expect, it } from 'vitest';
import {
  parseGatewayConfig,
  renderNewGatewayConfig,
  tokenProblem,
} from '../../../src-main/core/gateway-config.ts';

describe('parseGatewayConfig', () => {
  it('accepts JSON5 as the gateway does: comments, unquoted keys, trailing commas', () => {
    const text = `{
      // written by hand
      gateway: { mode: 'local', port: 18789, bind: "loopback", auth: { mode: "token", token: "abc", }, },
    }`;
    expect(parseGatewayConfig(text)).toMatchObject({
      ok: true,
      view: { mode: 'local', port: 18789, bind: 'loopback', authMode: 'token', token: 'abc' },
    });
  });

  it('reads a config without a gateway section as all-unknown', () => {
    expect(parseGatewayConfig('{}')).toMatchObject({
      ok: true,
      view: { mode: null, port: null, bind: null, authMode: null, token: null },
    });
  });

  it('treats a non-integer port as unknown', () => {
    expect(parseGatewayConfig('{"gateway":{"port":"18789"}}')).toMatchObject({
      ok: true,
      view: { port: null },
    });
  });

  it('explains what is wrong with unparsable text', () => {
    const result = parseGatewayConfig('{gateway: ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^not valid JSON5/);
    expect(parseGatewayConfig('[1]')).toEqual({ ok: false, message: 'the top level is not an object' });
  });
});

describe('tokenProblem', () => {
  it.each([
    [null, 'missing'],
    ['  ', 'blank'],
    ['change-me-now', 'placeholder'],
    ['change-me-to-a-long-random-token', 'placeholder'],
    ['undefined', 'placeholder'],
    ['9f8e7d6c5b4a39281706f5e4d3c2b1a0', null],
  ])('%j -> %s', (token, problem) => {
    expect(tokenProblem(token)).toBe(problem);
  });
});

describe('renderNewGatewayConfig', () => {
  it('writes plain JSON that reads back with the contract settings', () => {
    const text = renderNewGatewayConfig(18909, 'tok-123');
    expect(JSON.parse(text)).toEqual({
      gateway: { mode: 'local', bind: 'loopback', port: 18909, auth: { mode: 'token', token: 'tok-123' } },
    });
    expect(parseGatewayConfig(text)).toMatchObject({ ok: true, view: { token: 'tok-123', port: 18909 } });
  });
});
