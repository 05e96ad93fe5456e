/**
 * `npm test`: every gate, in order, stopping at the first that fails; prints what runs in Node
 * and what in the browser, each phase's time and the total.
 *
 *   node scripts/test.ts           the browser sweeps visit every kind of page and a seeded sample
 *   node scripts/test.ts --full    the browser sweeps visit every page (`npm run test:full`)
 *
 * With CI=true and no E2E_SEED, the seed is the commit being tested: every run still covers every
 * kind of page in both scripts, and successive commits draw different extra pages, so CI reaches
 * every page over time without the full sweep's time; a failure comes back with E2E_SEED=<commit>.
 *
 * The phases after the build read dist/, but for the archive phase, which builds its own copy with
 * 100 synthetic articles and runs the site checks over it. tests/README.md says what each file checks.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listPages } from './lib/built-pages.ts';
import { describeSweep, samplePages, sweepOptionsFromEnvironment } from '../tests/e2e/sample.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The archive the Node checks also run over: the size issue 14 asks CI to build. */
const ARCHIVE_ARTICLES = 100;

interface Phase {
  name: string;
  where: 'Node' | 'browser';
  command: string[];
  /** What the phase covers, printed before it runs (computed then: the page list exists only after the build). */
  covers: () => string;
}

const testFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => name.replace(/\.test\.ts$/, ''));

function sweepLine(): string {
  const pages = listPages(join(ROOT, 'dist')).filter((page) => !page.redirect);
  return describeSweep(pages.length, samplePages(pages, sweepOptionsFromEnvironment()).length);
}

const PHASES: Phase[] = [
  { name: 'restore --check', where: 'Node', command: ['node', 'scripts/restore.ts', '--check'], covers: () => 'the article body replays from the raw text and its corrections log' },
  { name: 'astro check', where: 'Node', command: ['astro', 'check'], covers: () => 'types of every .ts and .astro file' },
  { name: 'unit', where: 'Node', command: ['vitest', 'run'], covers: () => `tests/unit: ${testFiles('tests/unit').length} files of pure logic and broken-content fixtures` },
  { name: 'build', where: 'Node', command: ['node', 'scripts/build.ts'], covers: () => 'the site, both scripts and the search index, into dist/' },
  {
    name: 'site files',
    where: 'Node',
    command: ['vitest', 'run', '--config', 'vitest.site.config.ts'],
    covers: () => `tests/site over every page of dist/: ${testFiles('tests/site').join(', ')}`,
  },
  {
    name: 'archive of 100',
    where: 'Node',
    command: ['node', 'scripts/test-archive.ts', String(ARCHIVE_ARTICLES)],
    covers: () => `a copy with ${ARCHIVE_ARTICLES} synthetic articles beside the real content (npm run archive:synth), built, then the same tests/site checks over every one of its pages (archive-build and timeline-split aside: they build their own copies)`,
  },
  {
    name: 'browser',
    where: 'browser',
    command: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'],
    covers: () => `tests/e2e in Chromium: ${testFiles('tests/e2e').join(', ')}; the page sweep (sweep, sweep-zh-hans: load, ids as in the file, axe light and dark, search; on the Traditional pages also the no-JavaScript text, Tab stops and links followed) over ${sweepLine()}`,
  },
];

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function main(args: string[]): number {
  const unknown = args.filter((arg) => arg !== '--full');
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown.join(' ')}; usage: node scripts/test.ts [--full]`);
    return 2;
  }
  if (args.includes('--full')) process.env.E2E_FULL = '1';
  if (process.env.CI === 'true' && !process.env.E2E_SEED) {
    const commit = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
    if (commit) process.env.E2E_SEED = commit;
  }
  const timings: { phase: Phase; ms: number }[] = [];
  const started = Date.now();
  let status = 0;
  for (const phase of PHASES) {
    console.log(`\n▶ ${phase.name} (${phase.where}): ${phase.covers()}\n  $ ${phase.command.join(' ')}\n`);
    const phaseStarted = Date.now();
    // Through the shell's PATH, which npm starts with node_modules/.bin (the pinned Node 22, vitest, astro).
    const result = spawnSync(phase.command[0]!, phase.command.slice(1), { cwd: ROOT, stdio: 'inherit', env: process.env });
    timings.push({ phase, ms: Date.now() - phaseStarted });
    status = result.status ?? 1;
    if (result.error) console.error(`${phase.name}: ${result.error.message}`);
    if (status !== 0) {
      console.error(`\n✗ ${phase.name} failed (exit ${status}); the later phases did not run.`);
      break;
    }
  }
  console.log('\n## Test phases\n');
  for (const { phase, ms } of timings) console.log(`${phase.name.padEnd(16)} ${phase.where.padEnd(8)} ${seconds(ms).padStart(8)}`);
  for (const where of ['Node', 'browser'] as const) {
    const ms = timings.filter(({ phase }) => phase.where === where).reduce((sum, { ms: phaseMs }) => sum + phaseMs, 0);
    console.log(`${`in ${where}`.padEnd(25)} ${seconds(ms).padStart(8)}`);
  }
  console.log(`${'total'.padEnd(25)} ${seconds(Date.now() - started).padStart(8)}${status === 0 ? '' : ' (stopped at a failure)'}`);
  return status;
}

process.exitCode = main(process.argv.slice(2));
