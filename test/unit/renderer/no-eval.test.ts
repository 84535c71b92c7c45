// The popover's CSP has no 'unsafe-eval': nothing in the renderer may build a Function from text,
// not even zod's guarded probe (browsers report it as a violation all the same).
import { afterEach, expect, it, vi } from 'vitest';
import { fleet, instance } from './fake-host.ts';

const Original = globalThis.Function;
afterEach(() => {
  globalThis.Function = Original;
});

it('parses the contract without constructing a Function', async () => {
  vi.resetModules();
  const built: unknown[][] = [];
  globalThis.Function = new Proxy(Original, {
    construct(target, args) {
      built.push(args);
      return Reflect.construct(target, args) as object;
    },
  });
  const { parsePush, parseReply } = await import('../../../src-renderer/bridge-guard.ts');
  expect(parsePush('snapshot', fleet([instance({ name: 'luca' })]))).toBeDefined();
  expect(parseReply('restart', { ok: true, message: 'restarted' })).toEqual({
    ok: true,
    message: 'restarted',
  });
  expect(built).toEqual([]);
});
