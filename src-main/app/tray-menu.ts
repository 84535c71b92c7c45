// The tray's right-click menu as plain data (testable without Electron), and its translation into
// Electron's menu template with each click dispatched as a MenuAction.
import type { MenuItemConstructorOptions } from 'electron';
import { HEALTH_GLYPHS } from '../../src-renderer/health-glyph.ts';
import type { FleetView, InstanceView } from '../shared/fleet-contract.ts';

export type MenuAction =
  | { kind: 'restart'; name: string }
  | { kind: 'show-instance'; name: string }
  | { kind: 'open-dashboard' }
  | { kind: 'run-audit' }
  | { kind: 'launch-at-login'; enabled: boolean }
  | { kind: 'quit' };

export interface MenuEntry {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  enabled?: boolean;
  checked?: boolean;
  toolTip?: string;
  action?: MenuAction;
  submenu?: MenuEntry[];
}

export interface MenuContext {
  launchAtLogin: boolean;
}

const SEPARATOR: MenuEntry = { type: 'separator' };

export function trayMenuModel(view: FleetView | null, context: MenuContext): MenuEntry[] {
  return [
    ...instanceEntries(view),
    SEPARATOR,
    { label: 'Open Dashboard in Browser', action: { kind: 'open-dashboard' } },
    { label: 'Run Audit', action: { kind: 'run-audit' } },
    SEPARATOR,
    {
      label: 'Launch at Login',
      type: 'checkbox',
      checked: context.launchAtLogin,
      action: { kind: 'launch-at-login', enabled: !context.launchAtLogin },
    },
    SEPARATOR,
    {
      label: 'Quit OpenClaw Fleet',
      toolTip: 'The gateways keep running under launchd',
      action: { kind: 'quit' },
    },
  ];
}

function instanceEntries(view: FleetView | null): MenuEntry[] {
  if (view === null || view.checkedAt === null) return [{ label: 'Checking the fleet…', enabled: false }];
  const problem: MenuEntry[] = view.problem === null ? [] : [{ label: view.problem, enabled: false }];
  if (view.instances.length === 0) return [...problem, { label: 'No instances', enabled: false }];
  return [...problem, ...view.instances.map(instanceEntry)];
}

function instanceEntry(i: InstanceView): MenuEntry {
  const glyph = HEALTH_GLYPHS[i.health];
  return {
    label: `${glyph.glyph} ${i.name} — ${glyph.label}`,
    submenu: [
      { label: i.reason ?? glyph.label, enabled: false },
      { label: 'Show in Popover', action: { kind: 'show-instance', name: i.name } },
      SEPARATOR,
      i.busy === null
        ? { label: 'Restart', action: { kind: 'restart', name: i.name } }
        : { label: `Restart (${i.busy} running…)`, enabled: false },
    ],
  };
}

export function toMenuTemplate(
  entries: readonly MenuEntry[],
  dispatch: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  return entries.map((e) => {
    const item: MenuItemConstructorOptions = { type: e.submenu ? 'submenu' : (e.type ?? 'normal') };
    if (e.label !== undefined) item.label = e.label;
    if (e.enabled !== undefined) item.enabled = e.enabled;
    if (e.checked !== undefined) item.checked = e.checked;
    if (e.toolTip !== undefined) item.toolTip = e.toolTip;
    if (e.submenu) item.submenu = toMenuTemplate(e.submenu, dispatch);
    const action = e.action;
    if (action !== undefined) item.click = () => dispatch(action);
    return item;
  });
}
