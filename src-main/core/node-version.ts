// The Node a gateway runs on. OpenClaw needs Node >= 24.16 (openclaw-gateway.md §1 ran it on 24.21;
// the package's engines field says 24.16), and `node -v` prints `v<major>.<minor>.<patch>`.
export const MIN_NODE_VERSION: readonly [number, number, number] = [24, 16, 0];
export const MIN_NODE_TEXT = '24.16';

/** `v24.21.0` → [24, 21, 0]; null for anything else (a wrapper printing noise, an empty answer). */
export function parseNodeVersion(text: string): [number, number, number] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isSupportedNode(version: readonly [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) {
    if (version[i]! !== MIN_NODE_VERSION[i]!) return version[i]! > MIN_NODE_VERSION[i]!;
  }
  return true;
}
