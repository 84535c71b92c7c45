// Popover-local state: which view is open, which row is selected or expanded, the actions this
// popover started and how they ended, and the one token being copied.
import type { StateCreator } from 'zustand';
import type { ActionOutcome, FindingView } from '../../src-main/shared/fleet-contract.ts';
import type { UiHint } from '../bridge.ts';
import type { FleetStore } from './fleet-store.ts';

export type View = 'list' | 'audit' | 'add' | 'events' | 'settings';
export type RowAction = 'restart' | 'start' | 'stop';
export type RowTask = RowAction | 'logs' | 'token';
export type TaskState =
  { task: RowTask; phase: 'running' } | { task: RowTask; phase: 'done'; outcome: ActionOutcome };
export type AuditState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; ok: boolean; findings: FindingView[] }
  | { phase: 'failed'; message: string };
export type AddState =
  | { phase: 'idle' }
  | { phase: 'running'; name: string }
  | { phase: 'done'; name: string; outcome: ActionOutcome };
export interface LogTail {
  name: string;
  path: string;
  lines: string[];
}

export interface UiData {
  view: View;
  selected: string | null;
  expanded: string | null;
  tasks: Record<string, TaskState>;
  /** Held only between the reveal and the clipboard write (30 s at most); never rendered. */
  revealed: { name: string; token: string } | null;
  logs: LogTail | null;
  audit: AuditState;
  add: AddState;
  /** Bumped when the host asks for a row: the list focuses `selected` again. */
  focusRequest: number;
}

export interface UiSlice extends UiData {
  viewOpened(view: View): void;
  /** Esc: a view goes back to the list; in the list an expanded row folds. */
  back(): void;
  hintReceived(hint: UiHint): void;
  rowSelected(name: string): void;
  rowToggled(name: string): void;
  taskStarted(name: string, task: RowTask): void;
  taskSettled(name: string, task: RowTask, outcome: ActionOutcome): void;
  tokenRevealed(name: string, token: string): void;
  tokenCleared(name: string): void;
  logsLoaded(tail: LogTail): void;
  auditStarted(): void;
  auditLoaded(ok: boolean, findings: FindingView[]): void;
  auditFailed(message: string): void;
  addStarted(name: string): void;
  addSettled(name: string, outcome: ActionOutcome): void;
}

export const initialUiData = (): UiData => ({
  view: 'list',
  selected: null,
  expanded: null,
  tasks: {},
  revealed: null,
  logs: null,
  audit: { phase: 'idle' },
  add: { phase: 'idle' },
  focusRequest: 0,
});

export const createUiSlice: StateCreator<FleetStore, [], [], UiSlice> = (set) => ({
  ...initialUiData(),
  viewOpened: (view) =>
    set((s) => ({ view, add: view === 'add' && s.add.phase === 'done' ? { phase: 'idle' } : s.add })),
  back: () =>
    set((s) => {
      if (s.view !== 'list') return { view: 'list' };
      return s.expanded === null ? {} : { expanded: null };
    }),
  hintReceived: ({ view, instance }) =>
    set((s) =>
      instance === null
        ? { view }
        : { view, selected: instance, expanded: instance, focusRequest: s.focusRequest + 1 },
    ),
  rowSelected: (name) => set({ selected: name }),
  rowToggled: (name) =>
    set((s) => ({
      selected: name,
      expanded: s.expanded === name ? null : name,
      logs: s.logs?.name === name ? s.logs : null,
    })),
  taskStarted: (name, task) => set((s) => ({ tasks: { ...s.tasks, [name]: { task, phase: 'running' } } })),
  taskSettled: (name, task, outcome) =>
    set((s) => ({ tasks: { ...s.tasks, [name]: { task, phase: 'done', outcome } } })),
  tokenRevealed: (name, token) => set({ revealed: { name, token } }),
  tokenCleared: (name) => set((s) => (s.revealed?.name === name ? { revealed: null } : {})),
  logsLoaded: (logs) => set({ logs }),
  auditStarted: () => set({ audit: { phase: 'running' } }),
  auditLoaded: (ok, findings) => set({ audit: { phase: 'done', ok, findings } }),
  auditFailed: (message) => set({ audit: { phase: 'failed', message } }),
  addStarted: (name) => set({ add: { phase: 'running', name } }),
  addSettled: (name, outcome) => set({ add: { phase: 'done', name, outcome } }),
});
