// What the menu-bar icon says about the fleet: one template image per fleet state, a title with the
// number of instances needing attention (empty when none), and a tooltip. Pure; the severity order
// is the popover header's (worstState), so the icon and the popover never disagree.
import { HEALTH_GLYPHS, worstState } from '../../src-renderer/health-glyph.ts';
import type { FleetView } from '../shared/fleet-contract.ts';
import type { HealthState } from '../shared/health-state.ts';

export const TRAY_STATES = ['healthy', 'degraded', 'down', 'crash-loop', 'stopped'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/** The states `status` exits 1 for: these count in the title. */
export const NEEDS_ATTENTION: ReadonlySet<HealthState> = new Set([
  'degraded',
  'down',
  'crash-loop',
  'unknown',
]);

export interface TrayPresentation {
  state: TrayState;
  /** Shown beside the icon; empty when nothing needs attention. */
  title: string;
  tooltip: string;
}

const ICON_OF: Record<HealthState, TrayState> = {
  healthy: 'healthy',
  starting: 'healthy',
  stopped: 'stopped',
  unknown: 'degraded',
  degraded: 'degraded',
  down: 'down',
  'crash-loop': 'crash-loop',
};

/** `tray-<state>Template.png`: the Template suffix makes macOS tint it for light and dark menu bars. */
export function trayImageName(state: TrayState): string {
  return `tray-${state}Template.png`;
}

export function trayPresentation(view: FleetView | null): TrayPresentation {
  if (view === null || view.checkedAt === null)
    return { state: 'stopped', title: '', tooltip: 'OpenClaw Fleet: checking the fleet…' };
  // launchd could not be read: the states below are stale, so the icon must not look healthy.
  if (view.problem !== null)
    return { state: 'degraded', title: '!', tooltip: `OpenClaw Fleet: ${view.problem}` };
  const states = view.instances.map((i) => i.health);
  if (states.length === 0) return { state: 'stopped', title: '', tooltip: 'OpenClaw Fleet: no instances' };
  const running = states.filter((s) => s !== 'stopped');
  const worst = worstState(running);
  const attention = states.filter((s) => NEEDS_ATTENTION.has(s)).length;
  return {
    state: worst === null ? 'stopped' : ICON_OF[worst],
    title: attention === 0 ? '' : String(attention),
    tooltip: `OpenClaw Fleet: ${summary(states)}`,
  };
}

function summary(states: HealthState[]): string {
  const counts = new Map<HealthState, number>();
  for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parts = [...counts].map(([s, n]) => `${n} ${HEALTH_GLYPHS[s].label.toLowerCase()}`);
  return `${states.length} instance${states.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
