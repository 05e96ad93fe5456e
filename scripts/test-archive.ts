/**
 * `npm test`'s archive phase: the checks of tests/site that read every built page, run over an
 * archive of N synthetic articles (default 100) beside the real content, so that what grows with
 * the archive (listings, cross-article pages, links and fragments between articles, the search
 * records) is checked in Node at a size the browser suites never build.
 *
 *   node scripts/test-archive.ts [N] [--keep]
 *
 * The copy is written by `npm run archive:synth`'s writeSynthArchive, built with the project's own
 * build (which fails on a broken link), and removed afterwards unless --keep is given.
 * The files of tests/site that build a copy of their own (SELF_BUILDING) are left out.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeSynthArchive } from './archive-synth.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_ARTICLES = 100;
const USAGE = 'usage: node scripts/test-archive.ts [N] [--keep]';
/** Files of tests/site that build a project copy of their own instead of reading E2E_SITE_DIR. */
const SELF_BUILDING = ['tests/site/archive-build.test.ts', 'tests/site/timeline-split.test.ts'];

function main(args: string[]): number {
  const keep = args.includes('--keep');
  const rest = args.filter((arg) => arg !== '--keep');
  const count = rest.length === 0 ? DEFAULT_ARTICLES : Number(rest[0]);
  if (rest.length > 1 || !Number.isInteger(count) || count < 1) {
    console.error(USAGE);
    return 2;
  }
  const copy = writeSynthArchive(count);
  const outDir = join(copy, 'site');
  try {
    console.log(`${count} synthetic articles beside the real content, in ${copy}`);
    const started = Date.now();
    const build = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: copy,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SITE_OUT_DIR: outDir, SITE_BASE: '/', NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (build.status !== 0) {
      console.error(`the archive of ${count} articles failed to build (exit ${build.status}):\n${`${build.stdout}\n${build.stderr}`.slice(-6000)}`);
      return 1;
    }
    console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s into ${outDir}`);
    // Through the shell's PATH, which npm starts with node_modules/.bin (vitest).
    const checks = spawnSync('vitest', ['run', '--config', 'vitest.site.config.ts', ...SELF_BUILDING.flatMap((file) => ['--exclude', file])], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, E2E_SITE_DIR: outDir, E2E_SITE_BASE: '/' },
    });
    if (checks.error) console.error(checks.error.message);
    return checks.status ?? 1;
  } finally {
    if (keep) console.log(`kept ${copy}`);
    else rmSync(copy, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
