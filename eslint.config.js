// Lint rules that keep the architecture honest: shared/ stays pure (it compiles for both
// the Node host and the browser renderer), and the renderer never reaches into Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformImports = [
  { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron: it runs in the renderer too.' },
  { group: ['node:*'], message: 'shared/ must not import Node built-ins: it runs in the renderer too.' },
  { group: ['dexie', 'dexie-*'], message: 'shared/ must not import Dexie: persistence lives in renderer/db.' },
  { group: ['react', 'react-dom', 'react-dom/*', 'react-*'], message: 'shared/ must not import React: UI lives in renderer/.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'net', 'http', 'https', 'crypto', 'child_process', 'stream', 'url', 'util', 'events', 'buffer'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: platformImports }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'process', message: 'shared/ has no Node process.' },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass `now` in: shared/ reads no clock.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins,
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer talks to the host only through the host contract.' },
          { group: ['node:*'], message: 'The renderer is a web page: no Node built-ins.' },
          { group: ['**/electron/**'], message: 'The renderer must not import host code.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The host must not import renderer code.' }] }],
    },
  },
);
