// Builds observations of the instance `luca` for tracker tests: healthy by default, then changed.
import { discoverFleet, type InstanceRecord } from '../../../../src-main/core/discovery.ts';
import type { Observation } from '../../../../src-main/core/monitor/monitor-types.ts';
import { AGENTS, healthyFleet, ROOT } from '../audit/healthy-fleet.ts';

export const PORT = 18789;

export interface ObservationChange {
  pid?: number | null;
  loaded?: boolean;
  disabled?: boolean;
  listening?: boolean;
  listenerPid?: number;
  healthz?: Observation['healthz'];
  auth?: Observation['auth'];
  lastExit?: { code: number | null; signal: number | null };
  state?: string;
  runs?: number;
  log?: Observation['log'];
}

export function observe(at: number, change: ObservationChange = {}): Observation {
  const s = healthyFleet();
  const record: InstanceRecord = discoverFleet({
    root: ROOT,
    agentsDir: AGENTS,
    files: s.files,
    domain: s.domain,
  }).instances.find((i) => i.name === 'luca')!;
  const pid = change.pid === undefined ? 812 : change.pid;
  const lastExit = change.lastExit ?? { code: null, signal: null };
  record.launchd = change.loaded === false ? null : { label: record.label, pid, lastExit, lastExitText: '-' };
  record.disabled = change.disabled ?? false;
  const detail = s.loaded.get('ai.openclaw.luca')!;
  const listening = change.listening ?? pid !== null;
  return {
    at,
    record,
    detail: {
      ...detail,
      pid,
      lastExit,
      state: change.state ?? (pid === null ? 'not running' : 'running'),
      runs: change.runs ?? 1,
    },
    portListeners: listening
      ? [
          {
            pid: change.listenerPid ?? pid ?? 0,
            command: 'openclaw-gatewa',
            address: '127.0.0.1',
            port: PORT,
          },
        ]
      : [],
    healthz: change.healthz === undefined ? (listening ? { ok: true } : null) : change.healthz,
    auth: change.auth === undefined ? null : change.auth,
    log: change.log ?? null,
  };
}
