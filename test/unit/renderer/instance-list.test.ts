// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActionOutcome } from '../../../src-main/shared/fleet-contract.ts';
import { useFleetStore } from '../../../src-renderer/store/fleet-store.ts';
import { deferred, fakeBridge, fakeHost, fleet, instance } from './fake-host.ts';
import { renderApp, useDomTesting } from './render-app.ts';

useDomTesting();

const FLEET = fleet([
  instance({ name: 'luca', port: 18789, pid: 4242 }),
  instance({
    name: 'critic',
    port: 18909,
    pid: null,
    health: 'crash-loop',
    reason: 'exited 5 times in 10 minutes (exit 78)',
    uptimeMs: null,
    restartsLastHour: 5,
    layers: {
      plist: 'ok',
      loaded: 'ok',
      process: 'failed',
      port: 'skipped',
      healthz: 'skipped',
      auth: 'skipped',
    },
    lastCrash: {
      at: '2026-01-10T09:58:00.000Z',
      exit: 'exit 78',
      lastErrorLine: 'Error: EADDRINUSE 127.0.0.1:18909',
      lastLines: ['starting gateway', 'Error: EADDRINUSE 127.0.0.1:18909'],
    },
  }),
  instance({ name: 'parked', port: 19029, pid: null, health: 'stopped', reason: null, uptimeMs: null }),
]);

const rowOf = (name: string) => screen.getByRole('button', { name }).closest('li') as HTMLElement;

describe('instance rows', () => {
  it('show state, name, port, pid and the reason when not healthy', async () => {
    await renderApp(fakeHost(fakeBridge({}, FLEET)).host);

    const luca = within(rowOf('luca'));
    expect(luca.getByRole('img', { name: 'Healthy' })).toBeTruthy();
    expect(luca.getByText('18789', { exact: false }).textContent).toBe('port :18789');
    expect(luca.getByText('pid 4242')).toBeTruthy();
    expect(luca.getByText('Up 1h 2m')).toBeTruthy();

    const critic = within(rowOf('critic'));
    expect(critic.getByRole('img', { name: 'Crash loop' })).toBeTruthy();
    expect(critic.getByText('no pid')).toBeTruthy();
    expect(critic.getByText('exited 5 times in 10 minutes (exit 78)')).toBeTruthy();
    expect(critic.getByText(/5 restarts in the last hour/)).toBeTruthy();
    expect(within(rowOf('parked')).getByRole('img', { name: 'Stopped' })).toBeTruthy();
  });

  it('summarise the fleet in the header: worst state, counts, last check, the monitor problem', async () => {
    const view = { ...FLEET, problem: 'launchctl did not answer within 5 s' };
    await renderApp(fakeHost(fakeBridge({}, view)).host);
    const header = within(screen.getByRole('banner'));
    expect(header.getByRole('img', { name: 'Worst state: Crash loop' })).toBeTruthy();
    expect(header.getByText(/1 crash loop/)).toBeTruthy();
    expect(header.getByText(/1 healthy/)).toBeTruthy();
    expect(header.getByText('Checked', { exact: false })).toBeTruthy();
    expect(header.getByRole('alert').textContent).toContain('launchctl did not answer within 5 s');
  });

  it('restart with one click: a spinner, then the verified outcome; the bridge is called once with {name}', async () => {
    const reply = deferred<ActionOutcome>();
    const fake = fakeBridge({ restart: () => reply.promise }, FLEET);
    const { user } = await renderApp(fakeHost(fake).host);

    const restart = screen.getByRole('button', { name: 'Restart luca' });
    await user.click(restart);
    const status = within(rowOf('luca')).getByRole('status');
    expect(status.textContent).toContain('Restarting…');
    expect(status.querySelector('.spinner')).not.toBeNull();
    expect(restart.getAttribute('aria-disabled')).toBe('true');
    await user.click(restart);

    await act(async () =>
      reply.resolve({ ok: true, message: 'luca is healthy again on port 18789 (pid 5151)' }),
    );
    expect(status.textContent).toContain('luca is healthy again on port 18789 (pid 5151)');
    expect(within(status).getByRole('img', { name: 'Done:' })).toBeTruthy();
    expect(status.querySelector('.spinner')).toBeNull();
    expect(fake.callsTo('restart')).toEqual([{ name: 'luca' }]);
  });

  it('offer Start instead of Restart on a stopped row, and start it with one click', async () => {
    const fake = fakeBridge({}, fleet([instance({ name: 'scout', health: 'stopped', pid: null })]));
    const { user } = await renderApp(fakeHost(fake).host);
    expect(screen.queryByRole('button', { name: 'Restart scout' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start scout' }));
    expect(fake.callsTo('start')).toEqual([{ name: 'scout' }]);
    expect(fake.callsTo('restart')).toEqual([]);
  });

  it('show a failed restart as failed, with the host’s cause', async () => {
    const fake = fakeBridge(
      { restart: async () => ({ ok: false, message: 'critic did not serve within 30 s: exit 78' }) },
      FLEET,
    );
    const { user } = await renderApp(fakeHost(fake).host);
    await user.click(screen.getByRole('button', { name: 'Restart critic' }));
    const status = within(rowOf('critic')).getByRole('status');
    expect(within(status).getByRole('img', { name: 'Failed:' })).toBeTruthy();
    expect(status.textContent).toContain('critic did not serve within 30 s: exit 78');
  });

  it('show a spinner for an action started elsewhere (the snapshot says busy)', async () => {
    await renderApp(fakeHost(fakeBridge({}, fleet([instance({ name: 'luca', busy: 'stop' })]))).host);
    expect(within(rowOf('luca')).getByRole('status').textContent).toContain('Stopping…');
    expect(screen.getByRole('button', { name: 'Restart luca' }).getAttribute('aria-disabled')).toBe('true');
  });
});

describe('the keyboard', () => {
  it('moves between rows with the arrows and restarts the focused row with r', async () => {
    const fake = fakeBridge({ restart: async () => ({ ok: true, message: 'restarted' }) }, FLEET);
    const { user } = await renderApp(fakeHost(fake).host);

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'luca' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'critic' }));
    await user.keyboard('{End}{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'critic' }));
    await user.keyboard('r');

    expect(fake.callsTo('restart')).toEqual([{ name: 'critic' }]);
    expect(within(rowOf('critic')).getByRole('status').textContent).toContain('restarted');
    expect(useFleetStore.getState().selected).toBe('critic');
  });

  it('does not restart anything with r when no row has focus', async () => {
    const fake = fakeBridge({}, FLEET);
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('r');
    expect(fake.callsTo('restart')).toEqual([]);
  });

  it('expands a row with Enter: health layers, last crash, paths; Esc folds it', async () => {
    const { user } = await renderApp(fakeHost(fakeBridge({}, FLEET)).host);
    const toggle = screen.getByRole('button', { name: 'critic' });
    toggle.focus();
    await user.keyboard('{Enter}');

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const layers = within(screen.getByRole('list', { name: 'Health layers' }));
    expect(layers.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Plist ✓',
      'Loaded ✓',
      'Process ✕',
      'Port –',
      'Healthz –',
      'Auth –',
    ]);
    expect(
      layers.getByText('Process').closest('li')?.querySelector('[role="img"]')?.getAttribute('aria-label'),
    ).toBe('failed');
    const crash = within(screen.getByRole('region', { name: 'Last crash' }));
    expect(crash.getByText('exit 78')).toBeTruthy();
    expect(crash.getByText('Error: EADDRINUSE 127.0.0.1:18909', { selector: 'p' })).toBeTruthy();
    expect(crash.getByLabelText('Last log lines before the crash').textContent).toBe(
      'starting gateway\nError: EADDRINUSE 127.0.0.1:18909',
    );
    expect(screen.getByText('/Users/me/Library/LaunchAgents/ai.openclaw.critic.plist')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop critic' })).toBeTruthy();

    screen.getByRole('button', { name: 'Stop critic' }).focus();
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'Health layers' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('opens views with a, u and e, and Esc comes back to the row the user left', async () => {
    const fake = fakeBridge({ runAudit: async () => ({ ok: true, findings: [] }) }, FLEET);
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    for (const [key, title] of [
      ['e', 'Events'],
      ['u', 'Audit'],
      ['a', 'Add instance'],
    ] as const) {
      await user.keyboard(key);
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: title, level: 1 }));
      await user.keyboard('{Escape}');
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'critic' }));
    }
  });

  it('goes where the host hints: a notification opens the popover on its instance', async () => {
    const host = fakeHost(fakeBridge({ runAudit: async () => ({ ok: true, findings: [] }) }, FLEET));
    await renderApp(host.host);
    act(() => host.hint({ view: 'audit', instance: null }));
    expect(screen.getByRole('heading', { name: 'Audit', level: 1 })).toBeTruthy();
    act(() => host.hint({ view: 'list', instance: 'parked' }));
    const toggle = screen.getByRole('button', { name: 'parked' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(toggle);
    act(() => host.hint({ view: 'list', instance: 'critic' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'critic' }));
  });

  it('leaves letters typed into the Add form alone, but Esc still goes back', async () => {
    const { user } = await renderApp(fakeHost(fakeBridge({}, FLEET)).host);
    await user.keyboard('a');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'near');
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('near');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('list', { name: 'Instances' })).toBeTruthy();
  });

  it('offers Start on a stopped row and opens its log tail', async () => {
    const fake = fakeBridge(
      {
        start: async () => ({ ok: true, message: 'parked is serving on port 19029' }),
        openLogs: async ({ name }) => ({
          ok: true,
          path: `/logs/${name}.log`,
          lines: ['line one', 'line two'],
        }),
      },
      FLEET,
    );
    const { user } = await renderApp(fakeHost(fake).host);
    await user.click(screen.getByRole('button', { name: 'parked' }));
    await user.click(screen.getByRole('button', { name: 'Start parked' }));
    expect(within(rowOf('parked')).getByRole('status').textContent).toContain(
      'parked is serving on port 19029',
    );
    await user.click(screen.getByRole('button', { name: 'Open logs of parked' }));
    const log = within(screen.getByRole('region', { name: 'Log of parked' }));
    expect(log.getByText('/logs/parked.log')).toBeTruthy();
    expect(log.getByLabelText('Last lines of the log of parked').textContent).toBe('line one\nline two');
    expect(fake.callsTo('start')).toEqual([{ name: 'parked' }]);
  });
});

describe('the empty fleet', () => {
  it('explains what a fleet is and offers Add instance and how to migrate', async () => {
    const { user } = await renderApp(fakeHost(fakeBridge({}, fleet([]))).host);
    expect(screen.getByRole('heading', { name: 'No instances yet' })).toBeTruthy();
    expect(screen.getByText(/A fleet is a set of OpenClaw gateways/)).toBeTruthy();

    const migrate = screen.getByRole('button', { name: 'How to migrate' });
    await user.click(migrate);
    expect(migrate.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('openclaw-fleet migrate')).toBeTruthy();

    await user.click(screen.getAllByRole('button', { name: 'Add instance' })[0] as HTMLElement);
    expect(screen.getByRole('heading', { name: 'Add instance', level: 1 })).toBeTruthy();
  });

  it('says it is reading the fleet until the first snapshot arrives', async () => {
    const fake = fakeBridge({ getSnapshot: () => new Promise(() => {}) });
    await renderApp(fakeHost(fake).host);
    expect(screen.getByText('Reading the fleet…')).toBeTruthy();
  });
});

describe('accessible names', () => {
  it('name every control of a row and of the list view', async () => {
    const { user } = await renderApp(fakeHost(fakeBridge({}, FLEET)).host);
    await user.click(screen.getByRole('button', { name: 'luca' }));
    for (const name of [
      'Restart luca',
      'Stop luca',
      'Open logs of luca',
      'Copy token of luca',
      'Audit',
      'Events',
      'Add instance',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('list', { name: 'Instances' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Views' })).toBeTruthy();
    for (const button of screen.getAllByRole('button'))
      expect(button.textContent?.trim() || button.getAttribute('aria-label')).toBeTruthy();
  });
});
