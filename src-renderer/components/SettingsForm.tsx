import { useState, type FormEvent } from 'react';
import type { ActionOutcome, SettingsView } from '../../src-main/shared/fleet-contract.ts';
import { FLEET_EVENT_TYPES, type FleetEventType } from '../../src-main/shared/health-state.ts';
import { useHost } from '../host-context.ts';
import { relaunchApp, saveSettings } from '../store/settings-commands.ts';

const EVENT_LABELS: Record<FleetEventType, string> = {
  exited: 'A gateway exits',
  'port-closed': 'Its port stops answering',
  'crash-loop': 'It is crash-looping',
  'auth-failed': 'Its token is refused',
  recovered: 'It has recovered',
};

type Available = Extract<SettingsView, { available: true }>;

/** Interval and dirs checked as typed; nothing is sent while a field is wrong. */
export function SettingsForm({
  view,
  saving,
  outcome,
}: {
  view: Available;
  saving: boolean;
  outcome: ActionOutcome | null;
}) {
  const host = useHost();
  const { values, inUse } = view;
  const [seconds, setSeconds] = useState(String(values.intervalMs / 1000));
  const [notifications, setNotifications] = useState(values.notifications);
  const [launchAtLogin, setLaunchAtLogin] = useState(values.launchAtLogin);
  const [rootDir, setRootDir] = useState(values.rootDir ?? '');
  const [agentsDir, setAgentsDir] = useState(values.agentsDir ?? '');

  const interval = intervalProblem(seconds);
  const rootProblem = dirProblem(rootDir);
  const agentsProblem = dirProblem(agentsDir);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving || interval !== null || rootProblem !== null || agentsProblem !== null) return;
    void saveSettings(host, {
      intervalMs: Math.round(Number(seconds) * 1000),
      notifications,
      launchAtLogin,
      rootDir: rootDir.trim() === '' ? null : rootDir.trim(),
      agentsDir: agentsDir.trim() === '' ? null : agentsDir.trim(),
    });
  };

  return (
    <form className="add-form settings-form" noValidate onSubmit={submit} aria-busy={saving}>
      <label htmlFor="settings-interval">Check every (seconds)</label>
      <input
        id="settings-interval"
        value={seconds}
        inputMode="numeric"
        aria-invalid={interval !== null}
        aria-describedby="settings-interval-note"
        onChange={(e) => setSeconds(e.target.value)}
      />
      <p id="settings-interval-note" className={interval ? 'field-error' : 'field-hint'}>
        {interval ?? 'While nothing happens. A gateway that dies is noticed at once either way.'}
      </p>

      <fieldset className="settings-group">
        <legend>Notify me when</legend>
        {FLEET_EVENT_TYPES.map((type) => (
          <label key={type} className="settings-check">
            <input
              type="checkbox"
              checked={notifications[type]}
              onChange={(e) => setNotifications({ ...notifications, [type]: e.target.checked })}
            />
            {EVENT_LABELS[type]}
          </label>
        ))}
      </fieldset>

      <label className="settings-check">
        <input type="checkbox" checked={launchAtLogin} onChange={(e) => setLaunchAtLogin(e.target.checked)} />
        Open OpenClaw Fleet at login
      </label>

      <DirField
        id="settings-root"
        label="Container folder"
        value={rootDir}
        onChange={setRootDir}
        problem={rootProblem}
        watching={inUse.root}
      />
      <DirField
        id="settings-agents"
        label="LaunchAgents folder"
        value={agentsDir}
        onChange={setAgentsDir}
        problem={agentsProblem}
        watching={inUse.agentsDir}
      />

      <div className="button-row">
        <button type="submit" className="primary" aria-disabled={saving}>
          Save
        </button>
        {view.relaunchNeeded && (
          <button type="button" onClick={() => void relaunchApp(host)}>
            Relaunch now
          </button>
        )}
      </div>
      <p className={outcome?.ok === false ? 'field-error' : 'progress'} role="status">
        {saving ? 'Saving…' : (outcome?.message ?? '')}
      </p>
    </form>
  );
}

function DirField(p: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  watching: string;
}) {
  return (
    <>
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        value={p.value}
        placeholder="Default"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={p.problem !== null}
        aria-describedby={`${p.id}-note`}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <p id={`${p.id}-note`} className={p.problem ? 'field-error' : 'field-hint'}>
        {p.problem ?? `Watching ${p.watching}. Empty: the environment's, else the default.`}
      </p>
    </>
  );
}

export function intervalProblem(text: string): string | null {
  const seconds = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(seconds)) return 'A number of seconds, 1 to 300.';
  if (seconds < 1 || seconds > 300) return 'Between 1 and 300 seconds.';
  if (!Number.isInteger(seconds * 1000)) return 'At most three decimals.';
  return null;
}

export function dirProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  return value.startsWith('/') ? null : 'An absolute path, starting with /, or empty for the default.';
}
