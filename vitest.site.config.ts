import { defineConfig } from 'vitest/config';

// Checks of the built site that need no browser: they read every page of dist/ (or E2E_SITE_DIR)
// as files, so they cover the whole site in seconds; run them after `npm run build`. The longest
// test (the link check of the whole site) takes about 3 s on an idle 2-core machine and 12 s
// under a load of 14; the limit leaves it far more than twice that.
export default defineConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
