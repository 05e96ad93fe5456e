import { defineConfig } from 'vitest/config';

// End-to-end tests drive one real Chromium against the built site. The machines have two cores,
// so test files run one after another in a single worker, with generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
