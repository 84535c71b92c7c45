// POSIX path helpers for the pure core, which may not import node:path. Paths here are the absolute
// macOS paths launchd sees; no normalisation beyond collapsing repeated and trailing slashes.

export function joinPath(...parts: string[]): string {
  return normalizeSlashes(parts.filter((p) => p.length > 0).join('/'));
}

export function dirOf(path: string): string {
  const clean = normalizeSlashes(path);
  const cut = clean.lastIndexOf('/');
  if (cut <= 0) return cut === 0 ? '/' : '.';
  return clean.slice(0, cut);
}

export function baseName(path: string): string {
  const clean = normalizeSlashes(path);
  return clean.slice(clean.lastIndexOf('/') + 1);
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

/** True when `child` is `parent` itself or lies below it; `..` segments never count as inside. */
export function isInside(child: string, parent: string): boolean {
  const c = normalizeSlashes(child);
  const p = normalizeSlashes(parent);
  if (c.split('/').includes('..')) return false;
  return c === p || c.startsWith(p === '/' ? '/' : `${p}/`);
}

function normalizeSlashes(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}
