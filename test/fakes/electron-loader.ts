// `node --import ./test/fakes/electron-loader.ts out/main/main.js`: runs the bundled main process
// under plain Node, with `electron` resolved to the fakes (electron-runtime.ts). Proves the bundle
// loads without Electron's own loader and without TypeScript support.
import { registerHooks } from 'node:module';

const runtime = new URL('./electron-runtime.ts', import.meta.url).href;

registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: runtime, shortCircuit: true } : next(specifier, context),
});
