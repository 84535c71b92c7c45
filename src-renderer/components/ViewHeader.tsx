import { useEffect, useRef, type ReactNode } from 'react';
import { useFleetStore } from '../store/fleet-store.ts';

/** Title bar of a secondary view: Back (Esc) and the title, which takes focus when the view opens. */
export function ViewHeader({ title, children }: { title: string; children?: ReactNode }) {
  const back = useFleetStore((s) => s.back);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <header className="view-header">
      <button type="button" className="back" aria-keyshortcuts="Escape" onClick={back}>
        <span aria-hidden="true">‹ </span>Back
      </button>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <div className="view-header-tools">{children}</div>
    </header>
  );
}
