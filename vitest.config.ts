import { defineConfig } from 'vitest/config';

// Unit tests take well under a second idle; the slowest (the first html-validate run in
// build-redirects, a broken-content fixture that loads the whole content set) took 3–4.3 s under a
// load of 12 on the 2-core machines, near vitest's default 5 s. The limit keeps them at under a
// quarter of it.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 20_000,
    // Files share each worker's module cache instead of importing the content model, opencc-js and
    // the parsers again per file: the run takes about half as long (54 s → 30 s idle). No test
    // leaves global state behind (the one spy on console is restored after each test).
    isolate: false,
  },
});
