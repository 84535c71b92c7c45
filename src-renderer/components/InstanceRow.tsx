import { useHost } from '../host-context.ts';
import { compactReason, formatDuration, plural } from '../format.ts';
import { HEALTH_GLYPHS } from '../health-glyph.ts';
import { runRowAction } from '../store/commands.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { selectInstance, selectRowBusy } from '../store/selectors.ts';
import { InstanceDetails } from './InstanceDetails.tsx';
import { StateGlyph } from './StateGlyph.tsx';
import { TaskStatus } from './TaskStatus.tsx';

/** One instance: state, name, port, pid, how it is doing, and a one-click Restart. */
export function InstanceRow({ name }: { name: string }) {
  const host = useHost();
  const instance = useFleetStore(selectInstance(name));
  const expanded = useFleetStore((s) => s.expanded === name);
  const busy = useFleetStore(selectRowBusy(name));
  const toggle = useFleetStore((s) => s.rowToggled);
  const select = useFleetStore((s) => s.rowSelected);
  if (instance === undefined) return null;

  const ids = { glyph: `glyph-${name}`, summary: `summary-${name}`, details: `details-${name}` };
  const healthy = instance.health === 'healthy';
  // A stopped instance is not loaded: the one-click action starts it rather than restarting it.
  const stopped = instance.health === 'stopped';
  const facts = [
    instance.uptimeMs === null ? null : `Up ${formatDuration(instance.uptimeMs)}`,
    instance.restartsLastHour > 0 ? `${plural(instance.restartsLastHour, 'restart')} in the last hour` : null,
  ].filter((f) => f !== null);

  return (
    <li
      className={`row${expanded ? ' row-expanded' : ''}`}
      data-instance={name}
      onFocus={() => useFleetStore.getState().selected !== name && select(name)}
    >
      <div className="row-line">
        <StateGlyph state={instance.health} id={ids.glyph} />
        <button
          type="button"
          className="row-name"
          data-row-toggle=""
          aria-expanded={expanded}
          aria-controls={expanded ? ids.details : undefined}
          aria-describedby={`${ids.glyph} ${ids.summary}`}
          onClick={() => toggle(name)}
        >
          {name}
        </button>
        <span className="row-port">
          {instance.port === null ? (
            'no port'
          ) : (
            <>
              <span className="sr-only">port </span>
              <span aria-hidden="true">:</span>
              {instance.port}
            </>
          )}
        </span>
        <span className="row-pid">{instance.pid === null ? 'no pid' : `pid ${instance.pid}`}</span>
        <button
          type="button"
          className="row-restart"
          aria-label={`${stopped ? 'Start' : 'Restart'} ${name}`}
          aria-keyshortcuts="r"
          aria-disabled={busy}
          onClick={() => void runRowAction(host, name, stopped ? 'start' : 'restart')}
        >
          {stopped ? 'Start' : 'Restart'}
        </button>
      </div>
      <p className="row-summary" id={ids.summary}>
        {!healthy && (
          <span className={`row-reason tone-${HEALTH_GLYPHS[instance.health].colorRole}`}>
            {instance.reason === null ? HEALTH_GLYPHS[instance.health].label : compactReason(instance.reason)}
          </span>
        )}
        {!healthy && facts.length > 0 && ' · '}
        {facts.join(' · ')}
      </p>
      <TaskStatus name={name} />
      {expanded && <InstanceDetails name={name} id={ids.details} />}
    </li>
  );
}
