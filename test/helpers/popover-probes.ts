// Page-side probes shared by the macOS Electron smoke test and the Linux popover-page test, so the
// probe the smoke test relies on is itself proven here against the same built page. Page-side code is
// text: the test files typecheck as Node code, without the DOM's types.

export interface IsolationProbe {
  bridge: string[];
  require: string;
  process: string;
  inlineBlocked: boolean;
}

/** What the page can reach: the bridge's methods, no Node; an inline script it adds must not run. */
export const ISOLATION_PROBE = `(() => {
  const s = document.createElement('script');
  s.textContent = 'globalThis.__inline = true';
  document.body.append(s);
  return {
    bridge: Object.keys(globalThis.fleetBridge ?? {}).sort(),
    require: typeof globalThis.require,
    process: typeof globalThis.process,
    inlineBlocked: globalThis.__inline !== true,
  };
})()`;
