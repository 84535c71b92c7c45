// First, before any module builds a schema: zod must not probe for eval under the popover's CSP.
import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from './bridge.ts';
import { App } from './components/App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lost its #root');
createRoot(root).render(
  <StrictMode>
    <App host={connectHost()} />
  </StrictMode>,
);
