/** Decorative: whatever it spins for says so in text next to it. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
