import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The files in order of their running time, longest first, so that no long file starts last and
 * runs alone at the end (vitest orders unknown files by size, and the sweep's files are a few
 * lines that call sweep.ts). Files missing from the list run first.
 */
const LONGEST_FIRST = [
  'variant',
  'redirects',
  'sweep',
  'sweep-zh-hans',
  'widths',
  'search',
  'script-switch',
  'failed-build',
  'keyboard',
  'nojs',
  'restored-text',
  'pages',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => LONGEST_FIRST.indexOf(basename(file.moduleId).replace(/\.test\.ts$/, ''));
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// End-to-end tests drive real Chromium against the built site. Two test files run at a time, each
// with its own server and browser: a page load waits on the browser as much as on the CPU, so on
// the machines' two cores two workers finish about a quarter sooner than one. Timeouts are generous.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Each file still launches its own server and browser in its hooks; sharing the worker's
    // module cache only saves importing Playwright, axe and the parsers again per file (~3 s each).
    isolate: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
    sequence: { sequencer: LongestFirst },
  },
});
