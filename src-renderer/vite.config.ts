// Builds the popover into out/renderer for the Electron app and the web host of `serve`.
// Vite 8 transforms TSX itself (Oxc), so there is no plugin, and nothing is fetched at build time.
// No import of 'vite' here: its types pull Node's globals into the renderer's typecheck
// (tsconfig.web.json covers this file), and the renderer must not see Node.
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

export default {
  root: here('.'),
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../out/renderer'),
    emptyOutDir: true,
    target: 'es2024',
    // The CSP forbids inline script; keep Vite from adding any.
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1' },
};
