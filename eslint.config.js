// Lint rules that keep the architecture honest: shared/ stays pure (it compiles for both
// the Node host and the browser renderer), the renderer never reaches into Node, and
// inside the renderer each layer imports only the layers below it:
//   ui/ (screens)  →  app/ (services), hooks/  →  db/ (store), host/ (contract client)
// tests/architecture.test.ts checks each rule on real snippets.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformImports = [
  { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron: it runs in the renderer too.' },
  { group: ['node:*'], message: 'shared/ must not import Node built-ins: it runs in the renderer too.' },
  { group: ['dexie', 'dexie-*'], message: 'shared/ must not import Dexie: persistence lives in renderer/db.' },
  { group: ['react', 'react-dom', 'react-dom/*', 'react-*'], message: 'shared/ must not import React: UI lives in renderer/.' },
];
/** Renderer layers, as import patterns (relative imports end in the folder's name). */
const layer = {
  ui: ['**/ui', '**/ui/**'],
  app: ['**/app', '**/app/**'],
  hooks: ['**/hooks', '**/hooks/**'],
  db: ['**/db', '**/db/**'],
  host: ['**/host', '**/host/**'],
};
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
    // Screens ask services (renderer/app) for everything; the store and the host client
    // are reached only through them. Types from renderer/db (entities, drafts) are fine.
    files: ['renderer/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: layer.db, allowTypeImports: true, message: 'Screens reach the store through renderer/app (types from renderer/db are fine).' },
          { group: layer.host, message: 'Screens reach the host through renderer/app (Station.host).' },
        ],
      }],
    },
  },
  {
    // Services sit between the screens and the store/host: they never import a screen.
    files: ['renderer/app/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: layer.ui, message: 'renderer/app must not import screens (renderer/ui): screens import services, not the other way.' }],
      }],
    },
  },
  {
    // Generic hooks know no feature: no screens, no store, no host; an Outcome type at most.
    files: ['renderer/hooks/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: layer.ui, message: 'renderer/hooks are generic: they must not import screens.' },
          { group: [...layer.db, ...layer.host], message: 'renderer/hooks are generic: services (renderer/app) talk to the store and the host.' },
          { group: layer.app, allowTypeImports: true, message: 'renderer/hooks may use renderer/app types (Outcome), not its services.' },
        ],
      }],
    },
  },
  {
    // The store of record is the bottom layer: it knows nothing of services, screens or the host.
    files: ['renderer/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: [...layer.ui, ...layer.app, ...layer.hooks, ...layer.host], message: 'renderer/db is the bottom layer: it must not import services, screens, hooks or the host.' }],
      }],
    },
  },
  {
    // The customer display (issue 12) is a page for the tourist: it may draw with the
    // counter's components, but never reach a screen of the operator's, the store, the
    // services or the host contract's client (it reads its own feed, renderer/display/feed.ts).
    files: ['renderer/display/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          {
            // A regex, because a gitignore-style group cannot let files back in under an excluded folder.
            regex: '(^|/)ui(/(?!components/|format$|format/bidi$|receipt/SymbolCanvas$)|$)',
            message: 'The customer display shows no operator screen: only ui/components, ui/format, ui/format/bidi and the SymbolCanvas.',
          },
          { group: [...layer.db, ...layer.app, ...layer.hooks, ...layer.host], message: 'The customer display has no store, services or host client: it reads only its own feed.' },
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
