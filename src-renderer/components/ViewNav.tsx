import { useFleetStore } from '../store/fleet-store.ts';
import type { View } from '../store/ui-slice.ts';

const ITEMS: { view: View; label: string; key: string }[] = [
  { view: 'audit', label: 'Audit', key: 'u' },
  { view: 'events', label: 'Events', key: 'e' },
  { view: 'add', label: 'Add instance', key: 'a' },
  { view: 'settings', label: 'Settings', key: 's' },
];

/** The list view's footer: the other views, with their keys shown quietly. */
export function ViewNav() {
  const open = useFleetStore((s) => s.viewOpened);
  return (
    <nav className="view-nav" aria-label="Views">
      {ITEMS.map((item) => (
        <button key={item.view} type="button" aria-keyshortcuts={item.key} onClick={() => open(item.view)}>
          {item.label}
          <kbd aria-hidden="true">{item.key}</kbd>
        </button>
      ))}
    </nav>
  );
}
