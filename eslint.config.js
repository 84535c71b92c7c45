// Lint rules that keep the architecture honest: the core stays pure, IPC goes through typed wrappers.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', 'test/real-gateway/node_modules/**', 'test-results/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/shared/**/*.ts', 'src-main/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The core is pure: take a port instead of a Node built-in.' },
            {
              group: ['electron', 'execa', 'plist', 'ws'],
              message: 'The core is pure: side effects live in src-main/platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron'],
              message: 'The renderer talks to the host through bridge.ts only.',
            },
          ],
        },
      ],
    },
  },
  {
    // IPC goes through typed wrappers; only the composition roots import the real objects to hand them in.
    files: ['src-main/**/*.ts', 'test/**/*.ts'],
    ignores: ['src-main/core/**', 'src-main/shared/**', 'src-main/ports/**', 'src-main/app/main.ts', 'src-main/app/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'IPC goes through src-main/app/typed-ipc.ts (main) and preload-bridge.ts (preload).',
            },
          ],
        },
      ],
    },
  },
);
