// @ts-check
// Real numbers for the `eventLoop` and `processMemory` objects the gateway reports (ref §5), measured on
// the stub's own process so a product that graphs them sees plausible, moving values.
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const INTERVAL_MS = 20;

export function createRuntimeMetrics() {
  const delay = monitorEventLoopDelay({ resolution: INTERVAL_MS });
  delay.enable();
  let lastUtilization = performance.eventLoopUtilization();
  let lastCpu = process.cpuUsage();
  let lastWallMs = performance.now();

  return {
    eventLoop() {
      const utilization = performance.eventLoopUtilization(lastUtilization);
      const cpu = process.cpuUsage(lastCpu);
      const wallMs = Math.max(1, performance.now() - lastWallMs);
      lastUtilization = performance.eventLoopUtilization();
      lastCpu = process.cpuUsage();
      lastWallMs = performance.now();
      const cpuCoreRatio = (cpu.user + cpu.system) / 1000 / wallMs;
      const round = (/** @type {number} */ n) => Math.round(n * 1000) / 1000;
      return {
        degraded: false,
        degradedSinceMs: null,
        reasons: [],
        intervalMs: INTERVAL_MS,
        delayP99Ms: round(delay.percentile(99) / 1e6),
        delayMaxMs: round(delay.max / 1e6),
        utilization: round(utilization.utilization),
        cpuCoreRatio: round(cpuCoreRatio),
        cpuBreakdown: {
          mainThreadCoreRatio: round(cpuCoreRatio),
          hostUtilization: null,
          hostCpuCount: availableParallelism(),
          workerCoreRatio: 0,
          otherThreadsCoreRatio: 0,
        },
      };
    },
    processMemory() {
      const usage = process.memoryUsage();
      return {
        rssBytes: usage.rss,
        heapUsedBytes: usage.heapUsed,
        heapTotalBytes: usage.heapTotal,
        externalBytes: usage.external,
      };
    },
    stop() {
      delay.disable();
    },
  };
}

/** @typedef {ReturnType<typeof createRuntimeMetrics>} RuntimeMetrics */
