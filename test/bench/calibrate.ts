// What one subprocess costs here, to read the latencies against: the simulator's `launchctl print` of
// the domain (a Node program, unlike launchd's launchctl) and one lsof of every TCP listener.
import { scanListeners } from '../../src-main/platform/lsof-listeners.ts';
import type { Lane } from './bench-fleet.ts';
import { reapedChildrenCpuMs } from './proc-facts.ts';
import { median, round } from './stats.ts';

export interface Calibration {
  launchctlPrintMs: number;
  launchctlCpuMs: number;
  lsofMs: number;
  lsofCpuMs: number;
}

async function timeCalls(
  times: number,
  call: () => Promise<unknown>,
): Promise<{ wall: number; cpu: number }> {
  const walls: number[] = [];
  const cpu0 = reapedChildrenCpuMs();
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await call();
    walls.push(performance.now() - t);
  }
  return { wall: median(walls) ?? 0, cpu: (reapedChildrenCpuMs() - cpu0) / times };
}

export async function calibrate(lane: Lane, times = 8): Promise<Calibration> {
  const print = await timeCalls(times, () => lane.adapter.fleetStatus());
  const lsof = await timeCalls(times, () => scanListeners());
  return {
    launchctlPrintMs: round(print.wall),
    launchctlCpuMs: round(print.cpu),
    lsofMs: round(lsof.wall),
    lsofCpuMs: round(lsof.cpu),
  };
}
