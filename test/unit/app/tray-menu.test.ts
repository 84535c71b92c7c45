import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { toMenuTemplate, trayMenuModel, type MenuAction } from '../../../src-main/app/tray-menu.ts';
import { fleetView, instanceView } from '../../fakes/fleet-host.ts';

const labels = (items: readonly { label?: string; type?: string }[]) =>
  items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('the tray menu', () => {
  const view = fleetView([
    instanceView('luca', 'healthy'),
    instanceView('critic', 'crash-loop', { reason: 'exited 3 times in 2 minutes (exit 78)' }),
    instanceView('scout', 'stopped', { busy: 'start' }),
  ]);

  it('lists each instance with its state, then the app commands', () => {
    expect(labels(trayMenuModel(view, { launchAtLogin: false }))).toEqual([
      '● luca — Healthy',
      '↻ critic — Crash loop',
      '○ scout — Stopped',
      '---',
      'Open Dashboard in Browser',
      'Run Audit',
      '---',
      'Launch at Login',
      '---',
      'Quit OpenClaw Fleet',
    ]);
  });

  it('gives each instance its reason, a way to the popover, and Restart (disabled while it is busy)', () => {
    const [, critic, scout] = trayMenuModel(view, { launchAtLogin: false });
    expect(critic?.submenu).toEqual([
      { label: 'exited 3 times in 2 minutes (exit 78)', enabled: false },
      { label: 'Show in Popover', action: { kind: 'show-instance', name: 'critic' } },
      { type: 'separator' },
      { label: 'Restart', action: { kind: 'restart', name: 'critic' } },
    ]);
    expect(scout?.submenu?.at(-1)).toEqual({ label: 'Restart (start running…)', enabled: false });
  });

  it('says when there is nothing to list, or launchd cannot be read', () => {
    expect(labels(trayMenuModel(fleetView([], { checkedAt: null }), { launchAtLogin: false }))[0]).toBe(
      'Checking the fleet…',
    );
    expect(labels(trayMenuModel(fleetView([]), { launchAtLogin: false }))[0]).toBe('No instances');
    const broken = trayMenuModel(fleetView([], { problem: 'launchctl timed out' }), { launchAtLogin: false });
    expect(broken.slice(0, 2)).toEqual([
      { label: 'launchctl timed out', enabled: false },
      { label: 'No instances', enabled: false },
    ]);
  });

  it('shows Launch at Login checked as the OS has it, and flips it when clicked', () => {
    const on = trayMenuModel(view, { launchAtLogin: true }).find((e) => e.label === 'Launch at Login');
    expect(on).toMatchObject({
      type: 'checkbox',
      checked: true,
      action: { kind: 'launch-at-login', enabled: false },
    });
    const off = trayMenuModel(view, { launchAtLogin: false }).find((e) => e.label === 'Launch at Login');
    expect(off).toMatchObject({ checked: false, action: { kind: 'launch-at-login', enabled: true } });
  });

  it('tells the user that quitting leaves the gateways running', () => {
    expect(trayMenuModel(view, { launchAtLogin: false }).at(-1)).toEqual({
      label: 'Quit OpenClaw Fleet',
      toolTip: 'The gateways keep running under launchd',
      action: { kind: 'quit' },
    });
  });

  it("becomes Electron's template, each click dispatching its action", () => {
    const dispatch = vi.fn<(a: MenuAction) => void>();
    const template = toMenuTemplate(trayMenuModel(view, { launchAtLogin: false }), dispatch);
    const critic = template[1]!;
    expect(critic.type).toBe('submenu');
    const restart = (critic.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Restart')!;
    restart.click?.({} as never, undefined, {} as never);
    expect(dispatch).toHaveBeenCalledWith({ kind: 'restart', name: 'critic' });
    template.find((i) => i.label === 'Quit OpenClaw Fleet')!.click?.({} as never, undefined, {} as never);
    expect(dispatch).toHaveBeenLastCalledWith({ kind: 'quit' });
    expect(template.find((i) => i.label === 'Launch at Login')).toMatchObject({
      type: 'checkbox',
      checked: false,
    });
    expect(template[3]).toEqual({ type: 'separator' });
    const disabled = (critic.submenu as MenuItemConstructorOptions[])[0]!;
    expect(disabled).toEqual({
      type: 'normal',
      label: 'exited 3 times in 2 minutes (exit 78)',
      enabled: false,
    });
  });
});
