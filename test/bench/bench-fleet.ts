// A "lane": one launchd simulator with N stub gateways installed the way the product lays them out, and
// a counted FleetContext over it (counted-fleet.ts). Several lanes can run side by side; each has its
// own simulator. Every lane is closed (simulator shutdown: its gateways stop) by closeAllLanes.
import { createServer } from 'node:net';
import { countedFleet, type CountedFleet, type FleetSpec } from './counted-fleet.ts';
import { createFleetEnv, type FleetEnv } from '../helpers/fleet-env.ts';
import { installInstance, type InstalledInstance } from '../helpers/fleet-fixture.ts';
import { waitForReadyz, type StubKnobs } from '../helpers/stub-gateway.ts';

/** ThrottleInterval 10 s and ExitTimeOut 20 s of the product's plist run at this fraction. */
export const TIME_SCALE = 0.05;
/** Lanes for port-closed and crash-loop trials run launchd's real ThrottleInterval (they restart with kickstart). */
export const REAL_TIME_SCALE = 1;

export interface Lane extends CountedFleet {
  env: FleetEnv;
  spec: FleetSpec;
  /** Stub knobs every instance of this lane runs with; trials restore them. */
  baseKnobs: StubKnobs;
  /** `launchctl kickstart -k`: SIGKILL and an immediate respawn (through the simulator, not counted). */
  kick(instance: InstalledInstance): Promise<void>;
  close(): Promise<void>;
}

// Outside the ephemeral range (32768-60999), so a client socket never takes a stub's port while it restarts.
let nextPort = 20_000 + Math.floor(Math.random() * 8000);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function allocatePort(): Promise<number> {
  for (;;) {
    const port = nextPort++;
    if (nextPort >= 30_000) nextPort = 20_000;
    if (await portIsFree(port)) return port;
  }
}

const open = new Set<FleetEnv>();

export interface LaneOptions {
  timeScale?: number;
  /** Stub knobs for every instance (test/stub-gateway/README.md). */
  knobs?: StubKnobs;
}

export async function createLane(n: number, name: string, options: LaneOptions = {}): Promise<Lane> {
  const env = createFleetEnv({ timeScale: options.timeScale ?? TIME_SCALE });
  open.add(env);
  const knobs = options.knobs ?? {};
  try {
    const instances: InstalledInstance[] = [];
    for (let i = 0; i < n; i++)
      instances.push(await installInstance(env, `${name}${i}`, await allocatePort(), { knobs }));
    await Promise.all(instances.map((i) => waitForReadyz(i.port, 30_000)));
    return laneOver(env, instances, knobs);
  } catch (error) {
    await closeEnv(env);
    throw error;
  }
}

/** Simulator shutdown (its jobs get SIGTERM, then SIGKILL) and the temp dirs removed. Idempotent. */
async function closeEnv(env: FleetEnv): Promise<void> {
  if (!open.delete(env)) return;
  await env.cleanup();
}

/** Every lane still open (after an error or a signal). */
export async function closeAllLanes(): Promise<void> {
  await Promise.all([...open].map(closeEnv));
}

function laneOver(env: FleetEnv, instances: InstalledInstance[], baseKnobs: StubKnobs): Lane {
  const spec: FleetSpec = {
    root: env.root,
    agentsDir: env.agentsDir,
    launchctlPath: env.sim.launchctlPath,
    simEnv: Object.fromEntries(
      Object.entries(env.sim.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    instances,
  };
  return {
    ...countedFleet(spec),
    spec,
    env,
    baseKnobs,
    async kick(instance) {
      const result = await env.sim.run(['kickstart', '-k', `${env.sim.domain}/${instance.label}`]);
      if (result.exitCode !== 0) throw new Error(`kickstart ${instance.label} failed: ${result.stderr}`);
    },
    close: () => closeEnv(env),
  };
}
