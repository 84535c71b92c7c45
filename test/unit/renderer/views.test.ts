// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActionOutcome, FindingView } from '../../../src-main/shared/fleet-contract.ts';
import { deferred, event, fakeBridge, fakeHost, fleet, instance } from './fake-host.ts';
import { renderApp, useDomTesting } from './render-app.ts';

useDomTesting();

const finding = (f: Partial<FindingView>): FindingView => ({
  code: 'plist-keep-alive',
  severity: 'error',
  instance: 'luca',
  message: 'KeepAlive is not true',
  fix: 'run openclaw-fleet add --repair luca',
  ...f,
});

describe('the audit view', () => {
  it('groups findings by instance, fleet-wide first, with code, message and fix', async () => {
    const findings = [
      finding({ instance: 'luca' }),
      finding({
        instance: null,
        code: 'legacy-gateway-job',
        severity: 'warning',
        message: 'ai.openclaw.gateway is loaded',
        fix: 'openclaw-fleet migrate',
      }),
      finding({
        instance: 'critic',
        code: 'config-port-mismatch',
        message: 'gateway.port is 18789, the plist says 18909',
        fix: 'set gateway.port to 18909',
      }),
      finding({
        instance: 'luca',
        code: 'state-dir-mode',
        severity: 'warning',
        message: 'the state dir is 0755',
        fix: 'chmod 700 it',
      }),
    ];
    const fake = fakeBridge(
      { runAudit: async () => ({ ok: false, findings }) },
      fleet([instance({ name: 'luca' })]),
    );
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('u');

    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Audit', level: 1 }));
    expect(await screen.findByText('2 errors, 2 warnings')).toBeTruthy();
    const groups = screen.getAllByRole('region');
    expect(
      groups.map((g) => g.getAttribute('aria-labelledby') && within(g).getByRole('heading').textContent),
    ).toEqual(['Fleet-wide', 'critic', 'luca']);
    const luca = within(screen.getByRole('region', { name: 'luca' }));
    expect(luca.getAllByRole('listitem')).toHaveLength(2);
    expect(luca.getByText('plist-keep-alive')).toBeTruthy();
    expect(luca.getByText('KeepAlive is not true')).toBeTruthy();
    expect(luca.getByText('run openclaw-fleet add --repair luca')).toBeTruthy();
    expect(luca.getAllByRole('img').map((i) => i.getAttribute('aria-label'))).toEqual(['Error', 'Warning']);
    expect(fake.callsTo('runAudit')).toEqual([null]);

    await user.keyboard('{Escape}');
    expect(screen.getByRole('list', { name: 'Instances' })).toBeTruthy();
  });

  it('says so when the audit finds nothing, and when it cannot run', async () => {
    let calls = 0;
    const fake = fakeBridge({
      runAudit: async () => {
        calls += 1;
        if (calls === 1) return { ok: true, findings: [] };
        throw new Error('launchctl hung');
      },
    });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('u');
    expect(await screen.findByText('No findings: the fleet matches its contract.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Run again' }));
    expect(await screen.findByText('The audit could not run: launchctl hung')).toBeTruthy();
  });
});

describe('the Add instance form', () => {
  it('prefills the port from suggestPort', async () => {
    const { user } = await renderApp(
      fakeHost(fakeBridge({ suggestPort: async () => ({ port: 19149 }) })).host,
    );
    await user.keyboard('a');
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('19149');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Add instance', level: 1 }));
  });

  it('blocks invalid names before asking the host, explaining each live', async () => {
    const fake = fakeBridge({}, fleet([instance({ name: 'luca' })]));
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('a');
    const name = screen.getByRole('textbox', { name: 'Name' });
    const submit = screen.getByRole('button', { name: 'Add instance' });

    await user.click(submit);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(screen.getByText('Enter a name.')).toBeTruthy();

    const cases: [string, RegExp][] = [
      ['Luca', /lowercase/],
      ['-x', /Start with a letter or a digit/],
      ['a_b', /Only a–z, 0–9 and -/],
      ['x'.repeat(33), /At most 32 characters/],
      ['gateway', /reserved: OpenClaw itself uses ai\.openclaw\.gateway/],
      ['node', /reserved/],
      ['mac', /reserved/],
      ['luca', /already an instance named “luca”/],
    ];
    for (const [typed, why] of cases) {
      await user.clear(name);
      await user.type(name, typed);
      expect(screen.getByText(why).id).toBe(name.getAttribute('aria-describedby'));
      await user.click(submit);
    }
    expect(fake.callsTo('add')).toEqual([]);

    await user.clear(name);
    await user.type(name, 'critic-2');
    expect(name.getAttribute('aria-invalid')).toBe('false');
    const port = screen.getByRole('textbox', { name: 'Port' });
    await user.clear(port);
    await user.type(port, '80');
    await user.click(submit);
    expect(screen.getByText(/A port from 1024 to 65535/)).toBeTruthy();
    expect(fake.callsTo('add')).toEqual([]);
  });

  it('shows progress while add runs, then the cause when it fails', async () => {
    const reply = deferred<ActionOutcome>();
    const fake = fakeBridge({ add: () => reply.promise, suggestPort: async () => ({ port: 18909 }) });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('a');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'critic');
    await user.click(screen.getByRole('button', { name: 'Add instance' }));

    expect(fake.callsTo('add')).toEqual([{ name: 'critic', port: 18909 }]);
    expect(screen.getByText(/Adding critic: writing its files/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add instance' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Add instance' }));
    expect(fake.callsTo('add')).toHaveLength(1);

    await act(async () =>
      reply.resolve({
        ok: false,
        message:
          'could not add critic: port 18909 is held by pid 777 (python3) (everything it created was rolled back)',
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('critic was not added.');
    expect(alert.textContent).toContain('port 18909 is held by pid 777 (python3)');
    expect(screen.queryByText(/Adding critic/)).toBeNull();
  });

  it('reports a host refusal as the failure cause, and a success with a way back', async () => {
    let ok = false;
    const fake = fakeBridge({
      add: async () => {
        if (!ok) throw new Error('invalid payload for add: port: Too small');
        return { ok: true, message: 'critic is serving on port 18909' };
      },
    });
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('a');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'critic');
    await user.click(screen.getByRole('button', { name: 'Add instance' }));
    expect(screen.getByRole('alert').textContent).toContain('invalid payload for add: port: Too small');

    ok = true;
    await user.click(screen.getByRole('button', { name: 'Add instance' }));
    expect(screen.getByText('critic is serving on port 18909')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show the fleet' }));
    expect(screen.getByRole('heading', { name: 'Fleet', level: 1 })).toBeTruthy();
  });
});

describe('the events view', () => {
  it('lists recent events and shows new ones as they are pushed', async () => {
    const fake = fakeBridge(
      {},
      fleet([], { recentEvents: [event({ type: 'recovered', reason: 'serving again' })] }),
    );
    const { user } = await renderApp(fakeHost(fake).host);
    await user.keyboard('e');
    const list = screen.getByRole('list', { name: 'Recent events' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByRole('img', { name: 'Recovered' })).toBeTruthy();

    act(() =>
      fake.emit(
        'event',
        event({ type: 'crash-loop', at: '2026-01-10T10:30:00.000Z', reason: '5 exits in 10 minutes' }),
      ),
    );
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByRole('img', { name: 'Crash loop' })).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText('5 exits in 10 minutes')).toBeTruthy();
  });

  it('asks for notification permission only from the button, then shows pushed notifications', async () => {
    const fake = fakeBridge();
    const host = fakeHost(fake);
    const { user } = await renderApp(host.host);
    const n = { id: 'n1', kind: 'new' as const, instance: 'luca', title: 'luca is down', body: 'exit 1' };
    act(() => fake.emit('notification', n));
    expect(host.shown).toEqual([]);

    await user.keyboard('e');
    await user.click(screen.getByRole('button', { name: 'Show notifications' }));
    expect(screen.getByText('Notifications are on for this page.')).toBeTruthy();
    act(() => fake.emit('notification', n));
    expect(host.shown).toEqual([n]);
  });
});

describe('the web host connection', () => {
  it('shows a dropped connection, and an unauthorized page distinctly', async () => {
    const fake = fakeBridge({}, fleet([instance({ name: 'luca' })]));
    const host = fakeHost(fake);
    await renderApp(host.host);
    act(() => host.setConnection({ status: 'reconnecting', attempt: 1, retryInMs: 500 }));
    expect(screen.getByText(/reconnecting\. The list below may be out of date/)).toBeTruthy();
    act(() => host.setConnection({ status: 'unauthorized' }));
    expect(screen.getByRole('heading', { name: 'Not authorized' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('openclaw-fleet serve');
    expect(screen.queryByRole('list', { name: 'Instances' })).toBeNull();
  });
});
