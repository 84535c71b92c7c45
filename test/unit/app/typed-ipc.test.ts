import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/app/trusted-sender.ts';
import { INVOKE_NAMES, sendPush, sendUiHint, serveInvokes } from '../../../src-main/app/typed-ipc.ts';
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../../../src-main/shared/fleet-contract.ts';
import { FakeIpcMain, FakeWebContents, invokeEvent } from '../../fakes/electron.ts';
import { fleetView } from '../../fakes/fleet-host.ts';
import { recordingHandlers } from './ipc-test-kit.ts';

const PAGE = 'file:///Applications/OpenClaw%20Fleet.app/Contents/Resources/app.asar/out/renderer/index.html';
const POPOVER_ID = 7;

function serve() {
  const ipc = new FakeIpcMain();
  const { handlers, ran } = recordingHandlers();
  const refused: string[] = [];
  const stop = serveInvokes(ipc, handlers, {
    isTrusted: (event) => isTrustedSender(event, { webContentsId: POPOVER_ID, url: PAGE }),
    onRefused: (channel, reason) => refused.push(`${channel}: ${reason}`),
  });
  return { ipc, ran, refused, stop };
}

describe('the IPC boundary', () => {
  it('registers one handler per contract channel, and removes them all', () => {
    const { ipc, stop } = serve();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(INVOKE_NAMES).toHaveLength(Object.keys(INVOKE_CHANNELS).length);
    stop();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers the popover with the host’s result', async () => {
    const { ipc, ran } = serve();
    const reply = await ipc.invoke(INVOKE_CHANNELS.restart, invokeEvent(POPOVER_ID, `${PAGE}#/list`), {
      name: 'luca',
    });
    expect(reply).toEqual({ ok: true, result: { ok: true, message: 'restart done' } });
    expect(ran).toEqual([{ name: 'restart', request: { name: 'luca' } }]);
  });

  it.each([
    ['another webContents', invokeEvent(99, PAGE)],
    ['a subframe of the popover', invokeEvent(POPOVER_ID, PAGE, false)],
    ['the popover after navigating elsewhere', invokeEvent(POPOVER_ID, 'https://evil.example/')],
    ['another file in the app', invokeEvent(POPOVER_ID, PAGE.replace('index.html', 'other.html'))],
    ['a frame that is gone', invokeEvent(POPOVER_ID, null)],
  ])('refuses %s before any handler runs', async (_what, event) => {
    const { ipc, ran, refused } = serve();
    const reply = await ipc.invoke(INVOKE_CHANNELS.stop, event, { name: 'luca' });
    expect(reply).toEqual({ ok: false, error: 'refused: fleet:stop may only be called by the popover' });
    expect(ran).toEqual([]);
    expect(refused).toEqual(['fleet:stop: untrusted sender']);
  });

  it.each([
    ['a path as a name', { name: '../../etc' }],
    ['an extra field', { name: 'luca', token: 'x' }],
    ['no payload', undefined],
    ['a string', 'luca'],
  ])('refuses %s from the popover itself, without running the action', async (_what, payload) => {
    const { ipc, ran } = serve();
    const reply = (await ipc.invoke(INVOKE_CHANNELS.restart, invokeEvent(POPOVER_ID, PAGE), payload)) as {
      ok: boolean;
      error: string;
    };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/^invalid payload for restart/);
    expect(ran).toEqual([]);
  });

  it('refuses a call with more or fewer than one argument', async () => {
    const { ipc, ran } = serve();
    const event = invokeEvent(POPOVER_ID, PAGE);
    expect(await ipc.invoke(INVOKE_CHANNELS.getSnapshot, event)).toEqual({
      ok: false,
      error: 'invalid payload for getSnapshot: expected one argument, got 0',
    });
    expect(await ipc.invoke(INVOKE_CHANNELS.restart, event, { name: 'luca' }, 'extra')).toMatchObject({
      ok: false,
    });
    expect(ran).toEqual([]);
  });

  it('pushes on the contract’s channel names, and not to a destroyed page', () => {
    const page = new FakeWebContents(POPOVER_ID);
    sendPush(page, 'snapshot', fleetView([]));
    sendUiHint(page, { view: 'audit', instance: null });
    expect(page.sent.map((s) => s.channel)).toEqual([PUSH_CHANNELS.snapshot, 'fleet:ui-hint']);
    page.destroyed = true;
    sendPush(page, 'snapshot', fleetView([]));
    expect(page.sent).toHaveLength(2);
  });
});
