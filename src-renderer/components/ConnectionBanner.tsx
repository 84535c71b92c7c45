import { useFleetStore } from '../store/fleet-store.ts';

/** Says so while the web host is out of reach; the popover keeps showing the last snapshot. */
export function ConnectionBanner() {
  const status = useFleetStore((s) => s.connection.status);
  const stale = useFleetStore((s) => s.snapshot !== null);
  return (
    <p className="banner" role="status">
      {status === 'reconnecting'
        ? stale
          ? 'Lost the fleet host; reconnecting. The list below may be out of date.'
          : 'Cannot reach the fleet host; retrying…'
        : ''}
    </p>
  );
}
