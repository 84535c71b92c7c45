// Popover keys: arrows move between rows, `r` restarts the focused row, `a`/`u`/`e`/`s` open Add,
// Audit, Events and Settings, Esc goes back. Keys typed into a field, or with a modifier (Cmd-R reloads),
// are left alone; Enter is the row button's own.
import { useEffect } from 'react';
import type { Host } from './bridge.ts';
import { runRowAction } from './store/commands.ts';
import { useFleetStore } from './store/fleet-store.ts';
import type { View } from './store/ui-slice.ts';

const VIEW_KEYS: Record<string, View> = { a: 'add', u: 'audit', e: 'events', s: 'settings' };
const ROW_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

export function useKeyboard(host: Host): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || event.isComposing)
        return;
      if (handled(event, host)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host]);
}

function handled(event: KeyboardEvent, host: Host): boolean {
  const s = useFleetStore.getState();
  if (s.connection.status === 'unauthorized') return false;
  if (event.key === 'Escape') {
    if (s.view === 'list' && s.expanded === null) return false;
    const folding = s.view === 'list' ? s.expanded : null;
    s.back();
    // Folding removes the details, which may hold the focus: hand it back to the row.
    if (folding !== null) focusRow(folding);
    return true;
  }
  if (isTyping(event.target)) return false;
  const view = VIEW_KEYS[event.key];
  if (view !== undefined) {
    s.viewOpened(view);
    return true;
  }
  if (s.view !== 'list') return false;
  const row = rowName(document.activeElement);
  if (event.key === 'r') {
    if (row !== null) void runRowAction(host, row, 'restart');
    return row !== null;
  }
  return ROW_KEYS.has(event.key) && !scrollsItself(event.target) && moveRowFocus(event.key, row);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A focused log or crash excerpt keeps its arrows for scrolling. */
function scrollsItself(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('pre') !== null;
}

function rowName(element: Element | null): string | null {
  return element?.closest<HTMLElement>('[data-instance]')?.dataset.instance ?? null;
}

/** Focuses the row's own button (its name), if the row is on screen. */
export function focusRow(name: string): void {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-instance]')];
  rows
    .find((r) => r.dataset.instance === name)
    ?.querySelector<HTMLElement>('[data-row-toggle]')
    ?.focus();
}

function moveRowFocus(key: string, current: string | null): boolean {
  const toggles = [...document.querySelectorAll<HTMLElement>('[data-row-toggle]')];
  if (toggles.length === 0) return false;
  const at = toggles.findIndex((t) => rowName(t) === current);
  const last = toggles.length - 1;
  const next =
    key === 'Home'
      ? 0
      : key === 'End'
        ? last
        : at === -1
          ? key === 'ArrowDown'
            ? 0
            : last
          : Math.min(last, Math.max(0, at + (key === 'ArrowDown' ? 1 : -1)));
  toggles[next]?.focus();
  return true;
}
