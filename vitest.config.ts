import { defineConfig } from 'vitest/config';

// Unit and host tests: shared/ rules, renderer/db and renderer/app on fake-indexeddb, host
// services under Node; the component tests (tests/renderer/ui/**/*.test.tsx) ask for happy-dom
// per file (`// @vitest-environment happy-dom`), so the rest stays in plain Node.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
