import { describe, expect, it } from 'vitest';
import { discoverFleet, type InstanceRecord } from '../../../src-main/core/discovery.ts';
import { reduceHealth, type HealthFacts } from '../../../src-main/core/instance-health.ts';
import { AGENTS, healthyFleet, ROOT } from './audit/healthy-fleet.ts';

function lucaFacts(change: (f: HealthFacts, r: InstanceRecord) => void = () => {}): HealthFacts {
  const s = healthyFleet();
  const record = discoverFleet({
    root: ROOT,
    agentsDir: AGENTS,
    files: s.files,
    domain: s.domain,
  }).instances.find((i) => i.name === 'luca')!;
  const facts: HealthFacts = {
    record,
    plistError: null,
    detail: s.loaded.get('ai.openclaw.luca') ?? null,
    portListeners: [{ pid: 812, command: 'openclaw-gatewa', address: '127.0.0.1', port: 18789 }],
    processAgeSeconds: 600,
    healthz: { ok: true },
    auth: { ok: true },
    lastErrorLine: null,
  };
  change(facts, record);
  return facts;
}

const state = (f: HealthFacts) => {
  const h = reduceHealth(f);
  return [h.state, h.reason];
};

describe('reduceHealth', () => {
  it('is healthy when every layer passes', () => {
    const h = reduceHealth(lucaFacts());
    expect(h).toEqual({
      state: 'healthy',
      reason: null,
      layers: { plist: 'ok', loaded: 'ok', process: 'ok', port: 'ok', healthz: 'ok', auth: 'ok' },
    });
  });

  it('is stopped when not loaded, and down (parked) when also disabled', () => {
    expect(state(lucaFacts((_f, r) => (r.launchd = null)))).toEqual(['stopped', 'not loaded in launchd']);
    const parked = reduceHealth(
      lucaFacts((f, r) => {
        r.launchd = null;
        r.disabled = true;
        f.lastErrorLine = 'Gateway failed to start: ... another OpenClaw process owns gateway-lifecycle';
      }),
    );
    expect(parked.state).toBe('down');
    expect(parked.reason).toMatch(/^parked: ai\.openclaw\.luca is disabled.*owns gateway-lifecycle$/);
  });

  it('is crash-loop when launchd has a respawn scheduled, with the exit and the gateway line', () => {
    const f = lucaFacts((f, r) => {
      r.launchd = { ...r.launchd!, pid: null };
      f.detail = {
        ...f.detail!,
        state: 'spawn scheduled',
        pid: null,
        runs: 5,
        lastExit: { code: 78, signal: null },
      };
      f.portListeners = [];
      f.lastErrorLine = 'Missing config.';
    });
    expect(state(f)).toEqual(['crash-loop', 'exit 78: Missing config., launchd keeps respawning it']);
  });

  it('is down when loaded but not running and not respawning', () => {
    const f = lucaFacts((f, r) => {
      r.launchd = { ...r.launchd!, pid: null, lastExit: { code: null, signal: 9 } };
      f.detail = null;
      f.portListeners = [];
    });
    expect(state(f)).toEqual(['down', 'loaded but not running (killed by signal 9)']);
  });

  it('is down, not crash-loop, between an exit and its immediate respawn, however often it ran', () => {
    const f = lucaFacts((f, r) => {
      r.launchd = { ...r.launchd!, pid: null };
      f.detail = {
        ...f.detail!,
        state: 'not running',
        pid: null,
        runs: 5,
        lastExit: { code: null, signal: 9 },
      };
      f.portListeners = [];
    });
    expect(state(f)).toEqual(['down', 'loaded but not running (killed by signal 9)']);
  });

  it('names who holds the port of a gateway that is not running: likely why it cannot start', () => {
    const squatter = { pid: 7, command: 'python3', address: '127.0.0.1', port: 18789 };
    const looping = lucaFacts((f, r) => {
      r.launchd = { ...r.launchd!, pid: null };
      f.detail = { ...f.detail!, state: 'spawn scheduled', pid: null, lastExit: { code: 1, signal: null } };
      f.portListeners = [squatter];
      f.lastErrorLine = 'Port 18789 is already in use.';
    });
    expect(state(looping)).toEqual([
      'crash-loop',
      'exit 1: Port 18789 is already in use., launchd keeps respawning it; port 18789 is held by pid 7 (python3)',
    ]);
    const down = lucaFacts((f, r) => {
      r.launchd = { ...r.launchd!, pid: null };
      f.detail = null;
      f.portListeners = [squatter];
    });
    expect(state(down)).toEqual(['down', 'loaded but not running; port 18789 is held by pid 7 (python3)']);
  });

  it('is starting while young and not listening, degraded once the grace is over', () => {
    expect(state(lucaFacts((f) => ((f.portListeners = []), (f.processAgeSeconds = 2))))).toEqual([
      'starting',
      'started 2 s ago; pid 812 is alive but port 18789 is not listening',
    ]);
    expect(state(lucaFacts((f) => (f.portListeners = [])))).toEqual([
      'degraded',
      'pid 812 is alive but port 18789 is not listening',
    ]);
  });

  it('names a foreign holder of the port', () => {
    const f = lucaFacts(
      (f) => (f.portListeners = [{ pid: 7, command: 'python3', address: '127.0.0.1', port: 18789 }]),
    );
    expect(state(f)).toEqual(['degraded', 'port 18789 is held by pid 7 (python3), not by ai.openclaw.luca']);
  });

  it('reports /healthz and auth failures with their reasons', () => {
    expect(state(lucaFacts((f) => (f.healthz = { ok: false, error: '/healthz answered HTTP 500' })))).toEqual(
      ['degraded', '/healthz answered HTTP 500'],
    );
    expect(
      state(lucaFacts((f) => (f.auth = { ok: false, reason: 'token rejected by the gateway' }))),
    ).toEqual(['degraded', 'token rejected by the gateway']);
  });

  it('skips layers that were not probed', () => {
    const h = reduceHealth(lucaFacts((f) => ((f.portListeners = null), (f.healthz = null), (f.auth = null))));
    expect(h.state).toBe('healthy');
    expect(h.layers).toMatchObject({ port: 'unknown', healthz: 'skipped', auth: 'skipped' });
  });
});
