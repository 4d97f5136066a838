import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The load test measures the heap after a full collection.
    execArgv: ['--expose-gc'],
  },
});
