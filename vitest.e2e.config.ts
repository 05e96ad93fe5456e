import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium against the built site. Two test files run at a time, each
// with its own server and browser: a page load waits on the browser as much as on the CPU, so on
// the machines' two cores two workers finish about a quarter sooner than one. Timeouts are generous.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
