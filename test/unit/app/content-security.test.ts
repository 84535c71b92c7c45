import { describe, expect, it } from 'vitest';
import { installSessionPolicy, POPOVER_CSP } from '../../../src-main/app/content-security.ts';
import { FakeSession } from '../../fakes/electron.ts';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/s)
          .slice(0, 2) as [string, string],
    ),
  );
}

describe("the popover's content security policy", () => {
  it('allows only the app’s own scripts and styles: no inline code, no eval, no network, no frames', () => {
    const csp = directives(POPOVER_CSP);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(POPOVER_CSP).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it('is added to every response of the popover’s session, without dropping a stricter one', () => {
    const session = new FakeSession();
    installSessionPolicy(session);
    const answers: unknown[] = [];
    const details = {
      id: 1,
      url: 'file:///app/out/renderer/index.html',
      method: 'GET',
      resourceType: 'mainFrame' as const,
      referrer: '',
      timestamp: 0,
      statusLine: 'HTTP/1.1 200 OK',
      statusCode: 200,
    };
    session.webRequest.headersListener?.(details, (r) => answers.push(r));
    session.webRequest.headersListener?.(
      { ...details, responseHeaders: { 'content-security-policy': ["default-src 'none'"], 'x-a': ['1'] } },
      (r) => answers.push(r),
    );
    expect(answers).toEqual([
      { responseHeaders: { 'Content-Security-Policy': [POPOVER_CSP] } },
      { responseHeaders: { 'content-security-policy': ["default-src 'none'", POPOVER_CSP], 'x-a': ['1'] } },
    ]);
  });

  it('denies every permission request and check', () => {
    const session = new FakeSession();
    installSessionPolicy(session);
    const granted: boolean[] = [];
    session.requestHandler?.({} as never, 'notifications', (g) => granted.push(g), {} as never);
    session.requestHandler?.({} as never, 'media', (g) => granted.push(g), {} as never);
    expect(granted).toEqual([false, false]);
    expect(session.checkHandler?.(null, 'notifications', 'file://', {} as never)).toBe(false);
  });
});
