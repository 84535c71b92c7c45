// The launchctl adapter and the fleet operations against the real launchd, in the logged-in user's
// gui/<uid> domain. macOS only (CI: .github/workflows/macos.yml); the same round trip runs against
// the simulator in test/integration/launchd-round-trip-sim.test.ts.
import { describeLaunchdRoundTrip } from '../helpers/launchd-round-trip.ts';

describeLaunchdRoundTrip(
  'the real launchctl (macOS only: there is no launchd here, test/launchd-sim stands in for it)',
  { skip: process.platform !== 'darwin', open: () => ({ launchctlPath: '/bin/launchctl' }) },
);
