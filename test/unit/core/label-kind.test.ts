import { describe, expect, it } from 'vitest';
import { classifyLabel, isCandidatePlistName } from '../../../src-main/core/label-kind.ts';

describe('classifyLabel', () => {
  it.each([
    ['ai.openclaw.luca', { kind: 'instance', name: 'luca' }],
    ['ai.openclaw.critic-2', { kind: 'instance', name: 'critic-2' }],
    ['ai.openclaw.node', { kind: 'openclaw-service' }],
    ['ai.openclaw.mac', { kind: 'openclaw-service' }],
    ['ai.openclaw.update.1712', { kind: 'openclaw-service' }],
    ['ai.openclaw.manual-update.3', { kind: 'openclaw-service' }],
    ['ai.openclaw.luca.update.9', { kind: 'openclaw-service' }],
    ['ai.openclaw.gateway', { kind: 'legacy-gateway' }],
    ['com.openclaw.gateway', { kind: 'legacy-gateway' }],
    ['bot.molt.gateway', { kind: 'legacy-gateway' }],
    ['ai.openclaw.Luca_Old', { kind: 'foreign-gateway' }],
    ['homebrew.mxcl.redis', { kind: 'unrelated' }],
  ])('%s', (label, kind) => {
    expect(classifyLabel(label)).toEqual(kind);
  });
});

describe('isCandidatePlistName', () => {
  it('reads OpenClaw plists only', () => {
    expect(isCandidatePlistName('ai.openclaw.luca.plist')).toBe(true);
    expect(isCandidatePlistName('bot.molt.gateway.plist')).toBe(true);
    expect(isCandidatePlistName('ai.openclaw.luca.plist.bak')).toBe(false);
    expect(isCandidatePlistName('homebrew.mxcl.redis.plist')).toBe(false);
  });
});
