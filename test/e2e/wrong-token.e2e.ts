// A page without the token `serve` printed gets nothing: the HTTP side answers 403 without a byte
// of the fleet, and a page whose WebSocket hello carries a wrong token is closed with 4401 before
// any frame and says "Not authorized".
import type { WebSocket as PageSocket } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_UNAUTHORIZED, WEB_SOCKET_PATH } from '../../src-main/shared/web-wire.ts';
import { installInstance } from '../helpers/fleet-fixture.ts';
import { freePort } from '../helpers/stub-gateway.ts';
import { openDashboard, startHarness, type Dashboard, type Harness } from './dashboard-kit.ts';

let harness: Harness | undefined;
let dashboard: Dashboard;
const WRONG = 'f'.repeat(64);
const INSTANCE = 'luca-secret-name';

beforeAll(async () => {
  harness = await startHarness({
    setup: async (env) => void (await installInstance(env, INSTANCE, await freePort())),
  });
  dashboard = harness.dashboard;
});

afterAll(() => harness?.close());

const newContext = () => harness!.context();

/** Everything the page's own WebSockets sent and received, and whether they closed. */
function recordSockets(sockets: PageSocket[], sent: string[], received: string[], closed: string[]) {
  return (ws: PageSocket) => {
    sockets.push(ws);
    ws.on('framesent', (f) => sent.push(String(f.payload)));
    ws.on('framereceived', (f) => received.push(String(f.payload)));
    ws.on('close', () => closed.push(ws.url()));
  };
}

describe('a wrong or missing token', () => {
  it('gets a 403 and no data for the page and its assets, with a wrong token or none', async () => {
    const page = await (await newContext()).newPage();
    // The right URL works in a fresh browser (and proves the asset paths are real)...
    const good = await page.request.get(dashboard.url);
    expect(good.status()).toBe(200);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await good.text())?.[1];
    expect(script).toBeDefined();
    await page.context().clearCookies();

    // ...and nothing else does.
    for (const path of [`/?token=${WRONG}`, '/', '/?token=', `/${script}`, `/${script}?token=${WRONG}`]) {
      const response = await page.goto(`${dashboard.origin}${path}`);
      expect(response?.status(), path).toBe(403);
      const body = await response!.text();
      expect(body, path).toMatch(/^forbidden/);
      expect(body, path).not.toContain(INSTANCE);
      expect(await page.content(), path).not.toContain(INSTANCE);
    }
    expect(await page.context().cookies()).toEqual([]);
  });

  it('a page whose hello carries a wrong token is closed with 4401 before any frame, and says Not authorized', async () => {
    const context = await newContext();
    // The right URL once, as a user would have: the page now holds the HttpOnly session cookie.
    const first = await openDashboard(context, dashboard);
    await first.getByText(INSTANCE).waitFor();
    await first.close();

    const page = await context.newPage();
    const sockets: PageSocket[] = [];
    const sent: string[] = [];
    const received: string[] = [];
    const closed: string[] = [];
    page.on('websocket', recordSockets(sockets, sent, received, closed));
    // The cookie still serves the page, but the page's token (from its URL) is the wrong one.
    const response = await page.goto(`${dashboard.origin}/?token=${WRONG}`);
    expect(response?.status()).toBe(200);

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getByRole('heading').textContent()).toBe('Not authorized');
    await expect.poll(() => closed.length, { timeout: 5000 }).toBe(1);
    expect(sockets.map((s) => new URL(s.url()).pathname)).toEqual([WEB_SOCKET_PATH]);
    expect(sent.map((f) => JSON.parse(f) as unknown)).toEqual([{ kind: 'hello', token: WRONG }]);
    expect(received).toEqual([]);
    expect(await page.content()).not.toContain(INSTANCE);
    expect(await page.getByRole('list', { name: 'Instances' }).count()).toBe(0);

    // The close code, as the browser sees it: a socket of this page's origin with the same hello.
    const code = await page.evaluate(
      ([url, token]) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url!);
          ws.onopen = () => ws.send(JSON.stringify({ kind: 'hello', token }));
          ws.onmessage = () => resolve(-1);
          ws.onclose = (event) => resolve(event.code);
        }),
      [`ws://127.0.0.1:${dashboard.served.web.port}${WEB_SOCKET_PATH}`, WRONG],
    );
    expect(code).toBe(CLOSE_UNAUTHORIZED);
    // A refused token is not retried: the page opened no other socket (past the first back-off
    // of 500 ms), and neither socket got a frame.
    await page.waitForTimeout(800);
    expect(sockets).toHaveLength(2);
    expect(received).toEqual([]);
  });

  it('a page served by the cookie but opened without a token never connects, and says Not authorized', async () => {
    const context = await newContext();
    await (await openDashboard(context, dashboard)).close();
    const page = await context.newPage();
    const sockets: PageSocket[] = [];
    page.on('websocket', (ws) => sockets.push(ws));
    expect((await page.goto(`${dashboard.origin}/`))?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Not authorized' }).waitFor();
    expect(sockets).toEqual([]);
    expect(await page.content()).not.toContain(INSTANCE);
  });
});
