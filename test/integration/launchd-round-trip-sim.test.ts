// The macOS real-launchctl round trip (test/helpers/launchd-round-trip.ts) against the simulator:
// proves that test's own steps and cleanup on every machine, not only on the macOS runner.
import { describeLaunchdRoundTrip } from '../helpers/launchd-round-trip.ts';
import { createLaunchdSim } from '../helpers/launchd-sim.ts';

describeLaunchdRoundTrip('the real-launchctl round trip, against the launchd simulator', {
  skip: false,
  open: () => {
    const sim = createLaunchdSim({ timeScale: 0.05 });
    return { launchctlPath: sim.launchctlPath, env: sim.env, dispose: () => sim.shutdown() };
  },
});
