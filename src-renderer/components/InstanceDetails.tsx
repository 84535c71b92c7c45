import { useHost } from '../host-context.ts';
import { copyToken, loadLogs, runRowAction } from '../store/commands.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { selectInstance, selectRowBusy } from '../store/selectors.ts';
import { CrashSnapshot } from './CrashSnapshot.tsx';
import { HealthLayers } from './HealthLayers.tsx';
import { LogTail } from './LogTail.tsx';

/** The expanded row: the less frequent actions, each health layer, the last crash, the files. */
export function InstanceDetails({ name, id }: { name: string; id: string }) {
  const host = useHost();
  const instance = useFleetStore(selectInstance(name));
  const busy = useFleetStore(selectRowBusy(name));
  const logs = useFleetStore((s) => (s.logs?.name === name ? s.logs : null));
  if (instance === undefined) return null;

  const stopped = instance.health === 'stopped';
  // aria-disabled, not disabled, keeps a busy button focusable; the commands refuse while busy.

  return (
    <div className="details" id={id}>
      <div className="button-row" role="group" aria-label={`More actions for ${name}`}>
        {/* A stopped row already offers Start on the row itself; the details add Stop for the others. */}
        {!stopped && (
          <button
            type="button"
            aria-label={`Stop ${name}`}
            aria-disabled={busy}
            onClick={() => void runRowAction(host, name, 'stop')}
          >
            Stop
          </button>
        )}
        <button
          type="button"
          aria-label={`Open logs of ${name}`}
          aria-disabled={busy}
          onClick={() => void loadLogs(host, name)}
        >
          Open logs
        </button>
        <button
          type="button"
          aria-label={`Copy token of ${name}`}
          aria-disabled={busy}
          onClick={() => void copyToken(host, name)}
        >
          Copy token
        </button>
      </div>
      <HealthLayers layers={instance.layers} />
      {instance.lastCrash !== null && <CrashSnapshot crash={instance.lastCrash} />}
      <dl className="paths">
        <dt>State</dt>
        <dd>{instance.paths.stateDir}</dd>
        <dt>Plist</dt>
        <dd>{instance.paths.plistPath}</dd>
        <dt>Log</dt>
        <dd>{instance.paths.logPath}</dd>
      </dl>
      {logs !== null && <LogTail tail={logs} />}
    </div>
  );
}
