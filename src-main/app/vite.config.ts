// Bundles the Electron main process (ESM, out/main/main.js) and the preload (CommonJS,
// out/preload/preload.cjs) to plain JavaScript: `vite build --config src-main/app/vite.config.ts
// --mode main|preload`. Bundled because Electron does not run this project's TypeScript itself
// (whether its Node strips types is not something to rely on), because a sandboxed preload can
// require nothing but `electron` (so it must be one file), and so the packaged app needs no
// node_modules. `electron` and Node's built-ins stay external; everything else is inlined.
import { builtinModules } from 'node:module';
import type { InlineConfig, UserConfig } from 'vite';

const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);
const NODE_BUILTINS = [/^node:/, ...builtinModules];

export type AppBundle = 'main' | 'preload';

export function appBuildConfig(bundle: AppBundle, outRoot = here('../../out')): InlineConfig {
  const main = bundle === 'main';
  return {
    root: here('../..'),
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: here(main ? './main.ts' : './preload.ts'),
      outDir: `${outRoot}/${bundle}`,
      emptyOutDir: true,
      // Electron 45's Node (24) for main; the preload runs in Chromium's renderer.
      target: main ? 'node24' : 'chrome140',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external: main ? ['electron', ...NODE_BUILTINS] : ['electron'],
        output: {
          format: main ? 'es' : 'cjs',
          entryFileNames: main ? 'main.js' : 'preload.cjs',
          // One file each: a sandboxed preload cannot load chunks, and main is simpler to ship whole.
          codeSplitting: false,
        },
      },
    },
  };
}

export default ({ mode }: { mode: string }): UserConfig => {
  if (mode !== 'main' && mode !== 'preload') throw new Error(`--mode main or --mode preload, not ${mode}`);
  return appBuildConfig(mode);
};
