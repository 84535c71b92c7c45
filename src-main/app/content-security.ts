// The popover's session policy: a strict Content-Security-Policy on every response, and every
// permission request denied (the popover needs none; denying `notifications` also keeps the page
// from raising its own notifications next to main's native ones).
import type { SessionPort } from './electron-ports.ts';

/** Scripts, styles and images only from the app's own files; no eval, no inline script, no network. */
export const POPOVER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function installSessionPolicy(session: SessionPort): void {
  // The page's own meta CSP applies whether or not a file:// load passes through here; this header
  // narrows it further (no connect, no frames). test/e2e/popover-page.e2e.ts checks the page under
  // both, and the macOS smoke test that an inline script is refused in the real popover.
  session.webRequest.onHeadersReceived((details, callback) => {
    // Added, never replacing: a stricter policy already on the response still applies (policies intersect).
    const headers: Record<string, string[]> = { ...details.responseHeaders };
    const key =
      Object.keys(headers).find((k) => k.toLowerCase() === 'content-security-policy') ??
      'Content-Security-Policy';
    headers[key] = [...(headers[key] ?? []), POPOVER_CSP];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
