import { useFleetStore } from '../store/fleet-store.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { EmptyState } from './EmptyState.tsx';
import { FleetHeader } from './FleetHeader.tsx';
import { InstanceList } from './InstanceList.tsx';
import { ViewNav } from './ViewNav.tsx';

export function ListView() {
  const loaded = useFleetStore((s) => s.snapshot !== null);
  const empty = useFleetStore((s) => s.snapshot?.instances.length === 0);
  const loadError = useFleetStore((s) => s.snapshotError);

  return (
    <>
      <FleetHeader />
      <ConnectionBanner />
      <main className="content">
        {!loaded ? (
          <p className="placeholder" role="status">
            {loadError === null ? 'Reading the fleet…' : `Could not read the fleet: ${loadError}`}
          </p>
        ) : empty ? (
          <EmptyState />
        ) : (
          <InstanceList />
        )}
      </main>
      <ViewNav />
    </>
  );
}
