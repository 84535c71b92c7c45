// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFleetStore } from '../../../src-renderer/store/fleet-store.ts';
import { deferred, fakeBridge, fakeHost, fleet, instance } from './fake-host.ts';
import { renderApp, useDomTesting } from './render-app.ts';

useDomTesting();

const TOKEN = 'c0ffee-7f1e2d3c4b5a69788796a5b4c3d2e1f0';
const FLEET = fleet([instance({ name: 'luca' }), instance({ name: 'critic', port: 18909 })]);

describe('Copy token', () => {
  it('reveals only on the explicit click, puts the token on the clipboard and never in the DOM', async () => {
    const reply = deferred<{ ok: true; token: string }>();
    const fake = fakeBridge({ revealToken: () => reply.promise }, FLEET);
    const host = fakeHost(fake);
    const { user } = await renderApp(host.host);

    // Expanding, moving, restarting-free keys: none of it reveals anything.
    await user.click(screen.getByRole('button', { name: 'luca' }));
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(fake.callsTo('revealToken')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Copy token of luca' }));
    expect(fake.callsTo('revealToken')).toEqual([{ name: 'luca' }]);
    const status = within(
      screen.getByRole('button', { name: 'luca' }).closest('li') as HTMLElement,
    ).getByRole('status');
    expect(status.textContent).toContain('Copying the token…');

    await act(async () => reply.resolve({ ok: true, token: TOKEN }));
    expect(host.copied).toEqual([TOKEN]);
    expect(status.textContent).toContain('Token copied to the clipboard');
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
    expect(useFleetStore.getState().revealed).toBeNull();
    expect(fake.callsTo('revealToken')).toHaveLength(1);
  });

  it('keeps the token out of the DOM while the clipboard write is in flight', async () => {
    const write = deferred<void>();
    const fake = fakeBridge({ revealToken: async () => ({ ok: true, token: TOKEN }) }, FLEET);
    const host = fakeHost(fake, {
      copyText: async (text) => {
        await text;
        await write.promise;
      },
    });
    const { user } = await renderApp(host.host);
    await user.click(screen.getByRole('button', { name: 'critic' }));
    await user.click(screen.getByRole('button', { name: 'Copy token of critic' }));

    expect(useFleetStore.getState().revealed).toEqual({ name: 'critic', token: TOKEN });
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
    await act(async () => write.resolve());
    expect(useFleetStore.getState().revealed).toBeNull();
  });

  it('says why when the host will not reveal it', async () => {
    const fake = fakeBridge(
      { revealToken: async () => ({ ok: false, message: 'luca has no token in its openclaw.json' }) },
      FLEET,
    );
    const host = fakeHost(fake);
    const { user } = await renderApp(host.host);
    await user.click(screen.getByRole('button', { name: 'luca' }));
    await user.click(screen.getByRole('button', { name: 'Copy token of luca' }));
    expect(screen.getByText('luca has no token in its openclaw.json')).toBeTruthy();
    expect(host.copied).toEqual([]);
  });
});
