import { defineConfig } from 'vitest/config';

// Unit and host tests: shared/ rules, renderer/db on fake-indexeddb, host services under Node.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
