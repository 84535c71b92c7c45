// The FleetContext of a real machine: launchctl, lsof, the filesystem.
import { getuid } from 'node:process';
import { createLaunchctlAdapter, type LaunchctlAdapterOptions } from '../platform/launchctl.ts';
import { createFleetFilesReader } from '../platform/fleet-files-reader.ts';
import { scanListeners } from '../platform/lsof-listeners.ts';
import { inspectPath } from '../platform/path-inspector.ts';
import { readStateDirOwner } from '../platform/state-dir-owner.ts';
import { probeAuthenticatedHealth, probeHealthz } from '../platform/gateway-probe.ts';
import { readExitIntents, writeExitIntent } from '../platform/exit-intent-file.ts';
import { readLogTail } from '../platform/log-tail.ts';
import { processAges } from '../platform/process-table.ts';
import { realClock, type FleetContext, type FleetLocation } from './fleet-context.ts';
import { exitIntentDir } from './fleet-dirs.ts';

export interface RealFleetOptions extends FleetLocation {
  launchctlPath: string;
  launchctl?: Omit<LaunchctlAdapterOptions, 'launchctlPath' | 'uid'>;
}

export function createRealFleetContext(options: RealFleetOptions): FleetContext {
  const uid = getuid?.() ?? 501;
  const location = { root: options.root, agentsDir: options.agentsDir };
  const files = createFleetFilesReader(location.root, location.agentsDir);
  return {
    location,
    uid,
    launchd: createLaunchctlAdapter({ ...options.launchctl, launchctlPath: options.launchctlPath, uid }),
    clock: realClock,
    readFiles: () => files.read(),
    scanListeners: () => scanListeners(),
    inspect: inspectPath,
    stateDirOwner: (stateDir) => readStateDirOwner(stateDir, uid),
    processAges,
    probeHealthz: (port, timeoutMs) => probeHealthz(port, timeoutMs),
    probeAuth: (port, token) => probeAuthenticatedHealth(port, token),
    readLogTail,
    announceExit: (intent) => writeExitIntent(exitIntentDir(location.root), intent),
    readExitIntents: () => readExitIntents(exitIntentDir(location.root)),
  };
}
