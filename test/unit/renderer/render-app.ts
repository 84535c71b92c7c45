// Renders the whole popover against a fake host, as the Electron window or the web page would.
import { act, cleanup, render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, beforeEach } from 'vitest';
import type { Host } from '../../../src-renderer/bridge.ts';
import { App } from '../../../src-renderer/components/App.tsx';
import { useFleetStore } from '../../../src-renderer/store/fleet-store.ts';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/** Call once at the top of a DOM test file (vitest runs without globals, so RTL cannot hook itself). */
export function useDomTesting(): void {
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  });
  afterEach(() => {
    cleanup();
    useFleetStore.getState().reset();
  });
}

export async function renderApp(host: Host) {
  const user = userEvent.setup();
  const view = render(createElement(App, { host }));
  // Let the first getSnapshot reply land.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { user, ...view };
}
