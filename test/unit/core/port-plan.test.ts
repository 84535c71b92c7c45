import { describe, expect, it } from 'vitest';
import { isValidPort, portsTooClose, suggestBasePort } from '../../../src-main/core/port-plan.ts';

describe('suggestBasePort', () => {
  it('starts at the gateway default for an empty fleet', () => {
    expect(suggestBasePort([], new Set())).toBe(18789);
  });

  it('steps 120 at a time past the fleet', () => {
    expect(suggestBasePort([18789, 18909], new Set())).toBe(19029);
  });

  it('fills a gap left by a removed instance', () => {
    expect(suggestBasePort([18789, 19029], new Set())).toBe(18909);
  });

  it('keeps the spacing from hand-picked ports off the grid', () => {
    expect(suggestBasePort([18800], new Set())).toBe(19029);
  });

  it('skips ports something else listens on, including the browser-control port', () => {
    expect(suggestBasePort([], new Set([18789]))).toBe(18909);
    expect(suggestBasePort([], new Set([18911]))).toBe(18789);
    expect(suggestBasePort([], new Set([18791]))).toBe(18909);
  });
});

describe('portsTooClose', () => {
  it('names every fleet port within 120', () => {
    expect(portsTooClose(18850, [18789, 18909, 19100])).toEqual([18789, 18909]);
    expect(portsTooClose(19029, [18789, 18909])).toEqual([]);
  });
});

describe('isValidPort', () => {
  it.each([
    [18789, true],
    [1024, true],
    [65535, true],
    [80, false],
    [70000, false],
    [18789.5, false],
  ])('%d -> %s', (p, ok) => {
    expect(isValidPort(p)).toBe(ok);
  });
});
