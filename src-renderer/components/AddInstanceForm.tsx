import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useHost } from '../host-context.ts';
import { nameProblem, parsePort } from '../instance-name-rule.ts';
import { addInstance } from '../store/commands.ts';
import { useFleetStore } from '../store/fleet-store.ts';
import { selectInstanceNames } from '../store/selectors.ts';
import { Spinner } from './Spinner.tsx';

/** Name checked as it is typed (and again on submit, before the host is asked); port suggested. */
export function AddInstanceForm() {
  const host = useHost();
  const taken = useFleetStore(useShallow(selectInstanceNames));
  const add = useFleetStore((s) => s.add);
  const [name, setName] = useState('');
  const [port, setPort] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const portEdited = useRef(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const portInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    host.bridge.suggestPort(null).then(
      (s) => live && !portEdited.current && s.port !== null && setPort(String(s.port)),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [host]);

  const running = add.phase === 'running';
  const problem = nameProblem(name, taken);
  const parsed = parsePort(port);
  const showName = problem !== null && (submitted || name !== '');
  const showPort = 'problem' in parsed && (submitted || port !== '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    setSubmitted(true);
    if (problem !== null) return nameInput.current?.focus();
    if ('problem' in parsed) return portInput.current?.focus();
    void addInstance(host, name, parsed.port);
  };

  return (
    <form className="add-form" noValidate onSubmit={submit} aria-busy={running}>
      <label htmlFor="add-name">Name</label>
      <input
        id="add-name"
        ref={nameInput}
        value={name}
        readOnly={running}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={showName}
        aria-describedby="add-name-note"
        onChange={(e) => setName(e.target.value)}
      />
      <p id="add-name-note" className={showName ? 'field-error' : 'field-hint'}>
        {showName ? problem : 'Lowercase a–z, 0–9 and -, up to 32; it becomes ai.openclaw.<name>.'}
      </p>
      <label htmlFor="add-port">Port</label>
      <input
        id="add-port"
        ref={portInput}
        value={port}
        inputMode="numeric"
        readOnly={running}
        autoComplete="off"
        aria-invalid={showPort}
        aria-describedby="add-port-note"
        onChange={(e) => {
          portEdited.current = true;
          setPort(e.target.value);
        }}
      />
      <p id="add-port-note" className={showPort ? 'field-error' : 'field-hint'}>
        {'problem' in parsed && showPort
          ? parsed.problem
          : 'Suggested: the next free base port (bases sit 120 apart). Empty lets the fleet pick.'}
      </p>
      <div className="button-row">
        <button type="submit" className="primary" aria-disabled={running}>
          Add instance
        </button>
      </div>
      <p className="progress" role="status">
        {running && (
          <>
            <Spinner /> Adding {add.name}: writing its files, loading it in launchd and waiting until it
            serves…
          </>
        )}
      </p>
    </form>
  );
}
