import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../src-main/app/app-paths.ts';
import { TRAY_STATES, trayImageName, trayPresentation } from '../../../src-main/app/tray-state.ts';
import { fleetView, instanceView } from '../../fakes/fleet-host.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('the tray icon', () => {
  it.each([
    ['all healthy', ['healthy', 'healthy'], 'healthy', ''],
    ['healthy and starting', ['healthy', 'starting'], 'healthy', ''],
    ['one degraded', ['healthy', 'degraded'], 'degraded', '1'],
    ['an unknown one', ['healthy', 'unknown'], 'degraded', '1'],
    ['one down, one degraded', ['down', 'degraded', 'healthy'], 'down', '2'],
    ['a crash loop beats down', ['down', 'crash-loop'], 'crash-loop', '2'],
    ['all stopped', ['stopped', 'stopped'], 'stopped', ''],
    ['stopped ones do not hide a healthy one', ['stopped', 'healthy'], 'healthy', ''],
    ['stopped ones do not count as attention', ['stopped', 'down'], 'down', '1'],
  ] as const)('%s: %s -> %s image, title %j', (_what, states, image, title) => {
    const view = fleetView(states.map((s, i) => instanceView(`gw-${i}`, s)));
    const look = trayPresentation(view);
    expect(look.state).toBe(image);
    expect(look.title).toBe(title);
  });

  it('says what the fleet is in the tooltip', () => {
    const look = trayPresentation(
      fleetView([instanceView('luca', 'healthy'), instanceView('critic', 'crash-loop')]),
    );
    expect(look.tooltip).toBe('OpenClaw Fleet: 2 instances: 1 healthy, 1 crash loop');
  });

  it('shows the stopped image with no title before the first check and for an empty fleet', () => {
    expect(trayPresentation(null)).toMatchObject({ state: 'stopped', title: '' });
    expect(trayPresentation(fleetView([], { checkedAt: null })).tooltip).toMatch(/checking/);
    expect(trayPresentation(fleetView([]))).toEqual({
      state: 'stopped',
      title: '',
      tooltip: 'OpenClaw Fleet: no instances',
    });
  });

  it('does not look healthy while launchd cannot be read', () => {
    const view = fleetView([instanceView('luca', 'healthy')], {
      problem: "launchd's view could not be read: timed out",
    });
    expect(trayPresentation(view)).toEqual({
      state: 'degraded',
      title: '!',
      tooltip: "OpenClaw Fleet: launchd's view could not be read: timed out",
    });
  });

  it('has a template image at 1x and 2x in assets/ for every state', () => {
    for (const state of TRAY_STATES) {
      const path = appPaths(ROOT).trayImage(state);
      expect(path).toBe(join(ROOT, 'assets', `tray-${state}Template.png`));
      expect(trayImageName(state)).toMatch(/Template\.png$/);
      expect(existsSync(path), path).toBe(true);
      expect(existsSync(path.replace(/\.png$/, '@2x.png')), `${path} @2x`).toBe(true);
    }
  });
});
