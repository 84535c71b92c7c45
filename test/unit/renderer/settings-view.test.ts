// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SettingsPatch, SettingsView } from '../../../src-main/shared/fleet-contract.ts';
import { dirProblem, intervalProblem } from '../../../src-renderer/components/SettingsForm.tsx';
import { deferred, fakeBridge, fakeHost } from './fake-host.ts';
import { renderApp, useDomTesting } from './render-app.ts';

useDomTesting();

const available = (over: Partial<Extract<SettingsView, { available: true }>> = {}): SettingsView => ({
  available: true,
  values: {
    intervalMs: 2000,
    notifications: {
      exited: true,
      'port-closed': true,
      'crash-loop': true,
      'auth-failed': true,
      recovered: false,
    },
    rootDir: null,
    agentsDir: null,
    launchAtLogin: false,
  },
  inUse: { root: '/Users/me/.openclaw', agentsDir: '/Users/me/Library/LaunchAgents' },
  relaunchNeeded: false,
  ...over,
});

describe('the settings view', () => {
  it('opens with s, shows what the host reported, and saves the edited values', async () => {
    const saved = deferred<{ ok: true; message: string; settings: SettingsView }>();
    const fake = fakeBridge({
      getSettings: async () => available(),
      updateSettings: () => saved.promise,
    });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('s');

    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Settings', level: 1 }));
    const interval = await screen.findByLabelText<HTMLInputElement>('Check every (seconds)');
    expect(interval.value).toBe('2');
    expect(screen.getByLabelText<HTMLInputElement>('It has recovered').checked).toBe(false);
    expect(screen.getByText(/Watching \/Users\/me\/\.openclaw\./)).toBeTruthy();

    await user.clear(interval);
    await user.type(interval, '5');
    await user.click(screen.getByLabelText('It has recovered'));
    await user.click(screen.getByLabelText('Open OpenClaw Fleet at login'));
    await user.type(screen.getByLabelText('Container folder'), '/Volumes/fleet');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByRole('status').textContent).toBe('Saving…');
    const patch = fake.callsTo('updateSettings')[0] as SettingsPatch;
    expect(patch).toEqual({
      intervalMs: 5000,
      notifications: {
        exited: true,
        'port-closed': true,
        'crash-loop': true,
        'auth-failed': true,
        recovered: true,
      },
      launchAtLogin: true,
      rootDir: '/Volumes/fleet',
      agentsDir: null,
    });
    const after = available({ relaunchNeeded: true });
    if (after.available) after.values = { ...after.values, intervalMs: 5000, rootDir: '/Volumes/fleet' };
    await act(async () =>
      saved.resolve({ ok: true, message: 'Saved. Relaunch to watch it.', settings: after }),
    );

    expect(screen.getByRole('status').textContent).toBe('Saved. Relaunch to watch it.');
    expect(screen.getByLabelText<HTMLInputElement>('Container folder').value).toBe('/Volumes/fleet');
    expect(screen.getByRole('button', { name: 'Relaunch now' })).toBeTruthy();
  });

  it('sends nothing while a field is wrong, and says which', async () => {
    const fake = fakeBridge({ getSettings: async () => available() });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('s');
    const interval = await screen.findByLabelText('Check every (seconds)');
    await user.clear(interval);
    await user.type(interval, '0.5');
    await user.type(screen.getByLabelText('LaunchAgents folder'), 'relative/dir');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(fake.callsTo('updateSettings')).toEqual([]);
    expect(screen.getByText('Between 1 and 300 seconds.')).toBeTruthy();
    expect(screen.getByText(/An absolute path, starting with \//)).toBeTruthy();
    expect(interval.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a refused save without losing the edits', async () => {
    const fake = fakeBridge({
      getSettings: async () => available(),
      updateSettings: async () => ({ ok: false, message: 'Not saved: disk full' }),
    });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('s');
    const interval = await screen.findByLabelText<HTMLInputElement>('Check every (seconds)');
    await user.clear(interval);
    await user.type(interval, '9');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Not saved: disk full')).toBeTruthy();
    expect(interval.value).toBe('9');
  });

  it('on a host without settings (the web dashboard), says where they live', async () => {
    const message = 'Settings belong to the menu-bar app.';
    const fake = fakeBridge({ getSettings: async () => ({ available: false, message }) });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('s');
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('relaunches on request', async () => {
    const fake = fakeBridge({
      getSettings: async () => available({ relaunchNeeded: true }),
      relaunchApp: async () => ({ ok: true, message: 'Relaunching OpenClaw Fleet' }),
    });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('s');
    await user.click(await screen.findByRole('button', { name: 'Relaunch now' }));
    expect(fake.callsTo('relaunchApp')).toEqual([null]);
    expect(await screen.findByText('Relaunching OpenClaw Fleet')).toBeTruthy();
  });
});

describe('settings field rules', () => {
  it.each([
    ['2', null],
    ['300', null],
    ['1.5', null],
    ['0', 'Between 1 and 300 seconds.'],
    ['301', 'Between 1 and 300 seconds.'],
    ['', 'A number of seconds, 1 to 300.'],
    ['two', 'A number of seconds, 1 to 300.'],
    ['1.0001', 'At most three decimals.'],
  ])('interval %j -> %j', (text, problem) => expect(intervalProblem(text)).toBe(problem));

  it.each([
    ['', null],
    ['/Users/me/fleet', null],
    ['~/fleet', 'An absolute path, starting with /, or empty for the default.'],
  ])('dir %j -> %j', (text, problem) => expect(dirProblem(text)).toBe(problem));
});
