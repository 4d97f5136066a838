import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that reload the corpus wait for worker builds, which share the machine with other files.
    testTimeout: 60_000,
    hookTimeout: 20_000,
    // Most files wait on child processes, sockets and timers rather than compute: on a 2-core
    // machine, vitest's default of one worker per core but one ran them nearly one after another.
    maxWorkers: 3,
    // The load test measures the heap after a full collection.
    execArgv: ['--expose-gc'],
  },
});
