// The Host (bridge.ts) reaches components through context, so a test renders <App host={fake} />.
import { createContext, use } from 'react';
import type { Host } from './bridge.ts';

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = use(HostContext);
  if (host === null) throw new Error('useHost() outside <App>');
  return host;
}
