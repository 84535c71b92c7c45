// What `add` shows on a terminal while it works: what it is about to create, then one line per
// phase change with the seconds since the job was loaded, so a slow start shows where it is stuck.
// Nothing on a pipe: scripts read the final line only.
import type { AddHooks, AddPhase } from '../fleet/add-instance.ts';
import { paint, type CliIo } from './cli-io.ts';

export function addProgress(io: CliIo): Pick<AddHooks, 'onPlanned' | 'onPhase'> {
  if (!io.isTTY) return {};
  let port = 0;
  const line = (text: string) => io.out(`${paint(io, 'dim', text)}\n`);
  return {
    onPlanned(instance) {
      port = instance.port;
      line(
        `adding ${instance.name}: ${instance.label} on port ${instance.port}, state dir ${instance.stateDir}`,
      );
    },
    onPhase(phase, elapsedMs) {
      line(`  ${describe(phase, port)} (${(elapsedMs / 1000).toFixed(1)} s)`);
    },
  };
}

function describe(phase: AddPhase, port: number): string {
  switch (phase) {
    case 'draining':
      return 'waiting for launchd to finish unloading the previous job of this name';
    case 'loading':
      return 'loading into launchd';
    case 'spawn':
      return 'spawning';
    case 'port':
      return `waiting for port ${port}`;
    case 'healthz':
      return 'waiting for /healthz';
  }
}
