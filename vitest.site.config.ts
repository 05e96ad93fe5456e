import { defineConfig } from 'vitest/config';

// Checks of the built site that need no browser: they read every page of dist/ (or E2E_SITE_DIR)
// as files; run them after `npm run build`. The longest test (the link check of the whole site)
// took 12.6–13.3 s under loads of 14 to 30 on the 2-core machines; the limit leaves it 4×.
export default defineConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    testTimeout: 60_000,
    // The files read the same built site through the same parsers: sharing each worker's module
    // cache saves their imports (30 s → 23 s idle).
    isolate: false,
  },
});
