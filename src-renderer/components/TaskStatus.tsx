import type { InstanceView } from '../../src-main/shared/fleet-contract.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import type { RowTask } from '../store/ui-slice.ts';
import { Spinner } from './Spinner.tsx';
import { StateGlyph } from './StateGlyph.tsx';

const RUNNING: Record<RowTask | NonNullable<InstanceView['busy']>, string> = {
  restart: 'Restarting…',
  start: 'Starting…',
  stop: 'Stopping…',
  remove: 'Removing…',
  logs: 'Reading the log…',
  token: 'Copying the token…',
};

/**
 * A row's live region: the spinner while an action runs (this popover's, or one started elsewhere
 * as the snapshot's `busy` says), then the host's verified outcome.
 */
export function TaskStatus({ name }: { name: string }) {
  const task = useFleetStore((s) => s.tasks[name]);
  const busyElsewhere = useFleetStore(
    (s) => s.snapshot?.instances.find((i) => i.name === name)?.busy ?? null,
  );
  const running = task?.phase === 'running' ? task.task : busyElsewhere;

  return (
    <p className="task-status" role="status">
      {running !== null ? (
        <>
          <Spinner /> {RUNNING[running]}
        </>
      ) : task?.phase === 'done' ? (
        <span className={task.outcome.ok ? 'outcome-ok' : 'outcome-failed'}>
          <StateGlyph
            glyph={
              task.outcome.ok
                ? { glyph: '✓', colorRole: 'ok', label: 'Done:' }
                : { glyph: '✕', colorRole: 'error', label: 'Failed:' }
            }
          />{' '}
          {task.outcome.message}
        </span>
      ) : null}
    </p>
  );
}
