import { useState } from 'react';
import { useFleetStore } from '../store/fleet-store.ts';

/** No instances yet: what a fleet is, and the two ways to get one. */
export function EmptyState() {
  const open = useFleetStore((s) => s.viewOpened);
  const [showMigrate, setShowMigrate] = useState(false);

  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No instances yet</h2>
      <p>
        A fleet is a set of OpenClaw gateways on this Mac, each kept alive by launchd as its own LaunchAgent (
        <code>ai.openclaw.&lt;name&gt;</code>) with its own port, state folder and token. This app watches
        them, restarts them with a checked outcome, and audits them against that layout.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => open('add')}>
          Add instance
        </button>
        <button
          type="button"
          aria-expanded={showMigrate}
          aria-controls="migrate-help"
          onClick={() => setShowMigrate((v) => !v)}
        >
          How to migrate
        </button>
      </div>
      {showMigrate && (
        <p id="migrate-help" className="help">
          Already running a gateway from <code>~/.openclaw</code> (the <code>ai.openclaw.gateway</code> job)?
          In Terminal, run <code>openclaw-fleet migrate --dry-run</code> to see every step, then{' '}
          <code>openclaw-fleet migrate</code> to move it into an instance named <code>main</code>. If the new
          instance does not come up, everything is put back.
        </p>
      )}
    </section>
  );
}
