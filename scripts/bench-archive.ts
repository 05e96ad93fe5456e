/**
 * `npm run bench:archive [-- --n 1,10,100,1000] [--keep]`: the archive at scale. For each N, a
 * synthetic copy of the project with N more articles (`npm run archive:synth -- N --out DIR`) is
 * built with `npm run build` (scripts/build.ts, which runs `astro build` with a heap limit for the
 * archive's size), and the figures are printed against the targets (issue 14, "Scale"):
 *
 * - full build time (wall clock of the build) and each step (.build/timings.json of the copy);
 * - ms per added article between consecutive N, and its ratio at 1000 against 100 (≤ 1.5×);
 * - N = 1000 within 5 minutes and 4 GB peak memory (RSS of the build's process tree, sampled
 *   from /proc every 150 ms);
 * - dist bytes, search-index bytes (dist/pagefind), pages, the largest page (raw and brotli);
 * - every page but the articles' own (listings and cross-article pages) ≤ 50 KB with brotli;
 * - first search in Chromium: load search/, type a query, sum the bytes (as sent) of the
 *   responses under pagefind/ until the results show; from the header box ≤ 150 KB at N = 1,
 *   ≤ 300 KB beyond; from the search page's own field (which loads an excerpt for each of its
 *   many results) printed;
 * - at N = 100, an incremental rebuild after editing one synthetic article (its raw text, then
 *   `scripts/restore.ts` on it, as a maintainer would): both times and the ratio (≥ 5×).
 *
 * A build that fails (a broken link included: every synthetic article has its pages) stops the
 * bench with its log; it is never measured.
 *
 * Exits non-zero when a target is missed; writes .build/bench-archive.json. The copies are
 * removed afterwards unless --keep is given.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { parseDocument } from 'yaml';
import { listHtmlFiles } from './lib/built-pages.ts';
import { synthArticleId } from './lib/archive-synth.ts';
import { startServer } from './serve.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--headless'];
const QUERIES = ['算力', 'Lample'];
const INCREMENTAL_AT = 100;
const KB = 1024;

const TARGETS = {
  buildMsAt1000: 5 * 60 * 1000,
  peakBytesAt1000: 4 * KB ** 3,
  linearity: 1.5,
  firstSearchBytesAt1: 150 * KB,
  firstSearchBytes: 300 * KB,
  listingPageBrotli: 50 * KB,
  incrementalSpeedup: 5,
};

/** The articles' own pages (the first at article/, the others at articles/<id>/), in either script: long documents, outside the listing budget. */
const ARTICLE_PAGE = /^(zh-hans\/)?(article|articles\/[^/]+)\/$/;

interface BuildRun {
  wallMs: number;
  peakBytes: number;
  steps: Record<string, number>;
}

interface PageSize {
  path: string;
  raw: number;
  brotli: number;
}

interface Figures {
  n: number;
  build: BuildRun;
  /** (build(N) − build(previous N)) / (N − previous N), when there is a previous N. */
  msPerAddedArticle: number | null;
  distBytes: number;
  searchIndexBytes: number;
  pages: number;
  largestPage: PageSize;
  /**
   * The largest page but the articles' own. Synthetic articles repeat the first article's text,
   * which brotli finds again across the page: its brotli size understates a real archive's, and
   * the raw size is the figure to follow.
   */
  largestListingPage: PageSize | null;
  /** Pages other than the articles' own over the listing budget. */
  listingPagesOver: PageSize[];
  /** From the header box (bytes, results) and from the search page's own field (pageBytes, pageResults). */
  firstSearch: Array<{ query: string; bytes: number; results: number; pageBytes: number; pageResults: number }>;
  incremental?: { fullMs: number; rebuildMs: number; speedup: number; edited: string };
}

const brotliSize = (data: Buffer): number =>
  brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / KB ** 2).toFixed(1)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function parseArgs(args: string[]): { counts: number[]; keep: boolean } {
  const at = args.indexOf('--n');
  const counts = (at >= 0 ? (args[at + 1] ?? '') : '1,10,100,1000').split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('usage: npm run bench:archive [-- --n 1,10,100,1000] [--keep]');
  return { counts: [...new Set(counts)].sort((a, b) => a - b), keep: args.includes('--keep') };
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its last ")" are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * KB;
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  for (const name of ['BASE_URL', 'SITE_BASE', 'SITE_OUT_DIR', 'SITE_ORIGIN']) delete env[name];
  return env;
}

/** `npm run build` in the copy, timed, with the peak RSS of its process tree; its log goes to build-<label>.log next to the copy. */
function build(copy: string, label: string): Promise<BuildRun> {
  const logFile = `${copy}.build-${label}.log`;
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(copy, 'scripts', 'build.ts')], { cwd: copy, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const log: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => log.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk));
    let peakBytes = 0;
    const sampler = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid!))), 150);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const wallMs = performance.now() - started;
      writeFileSync(logFile, Buffer.concat(log));
      if (code !== 0) {
        reject(new Error(`the build in ${copy} exited with code ${code}; its log: ${logFile}\n${Buffer.concat(log).toString('utf8').split('\n').slice(-30).join('\n')}`));
        return;
      }
      const steps = JSON.parse(readFileSync(join(copy, '.build', 'timings.json'), 'utf8')) as Record<string, number>;
      resolvePromise({ wallMs, peakBytes, steps });
    });
  });
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, env: buildEnv(), encoding: 'utf8', maxBuffer: 64 * KB ** 2 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** The largest page, and every page but the articles' own over the listing budget (only pages larger raw than the budget can be over it). */
function pageSizes(dist: string): { pages: number; largest: PageSize; largestListing: PageSize | null; over: PageSize[] } {
  const files = listHtmlFiles(dist).map((page) => ({ path: page.path, file: page.file, raw: statSync(page.file).size }));
  const sized = (page: (typeof files)[number]): PageSize => ({ path: page.path, raw: page.raw, brotli: brotliSize(readFileSync(page.file)) });
  const largest = files.reduce((a, b) => (b.raw > a.raw ? b : a));
  const listings = files.filter((page) => !ARTICLE_PAGE.test(page.path));
  const largestListing = listings.length === 0 ? null : listings.reduce((a, b) => (b.raw > a.raw ? b : a));
  const over = listings
    .filter((page) => page.raw > TARGETS.listingPageBrotli)
    .map(sized)
    .filter((page) => page.brotli > TARGETS.listingPageBrotli);
  return { pages: files.length, largest: sized(largest), largestListing: largestListing && sized(largestListing), over };
}

/**
 * Loads search/ in a fresh context, types the query into a search field and sums the bytes
 * received under pagefind/ (as sent, compressed) from the page load until the results show.
 */
async function searchBytes(browser: Browser, siteUrl: string, field: string, query: string): Promise<{ bytes: number; results: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    let bytes = 0;
    cdp.on('Network.responseReceived', (event: { requestId: string; response: { url: string } }) => void urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      if (new URL(urls.get(event.requestId) ?? 'about:blank').pathname.startsWith('/pagefind/')) bytes += event.encodedDataLength;
    });
    await page.goto(`${siteUrl}search/`, { waitUntil: 'networkidle' });
    await page.locator(field).fill(query);
    const done = await page.waitForFunction(
      ({ q, selector }) => {
        const holder = document.querySelector(selector)?.closest('[data-search-done]');
        return holder?.getAttribute('data-search-done') === q ? holder : null;
      },
      { q: query, selector: field },
      { timeout: 60_000 },
    );
    const results = await done.evaluate((holder) => holder?.querySelectorAll('[role=option], [data-search-results] > li').length ?? 0);
    return { bytes, results };
  } finally {
    await context.close();
  }
}

/**
 * The first search, two ways: from the header box (the figure held against the target: the few
 * results it shows, as bench:search measures it) and from the search page's own field (every
 * result on one page, each with its excerpt fragment; printed).
 */
async function firstSearch(dist: string): Promise<Figures['firstSearch']> {
  const server = await startServer({ root: dist, base: '/', port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const outcomes: Figures['firstSearch'] = [];
    for (const query of QUERIES) {
      const box = await searchBytes(browser, server.url, 'site-search input[type=search]', query);
      const page = await searchBytes(browser, server.url, '[data-search-page] input[type=search]', query);
      outcomes.push({ query, bytes: box.bytes, results: box.results, pageBytes: page.bytes, pageResults: page.results });
    }
    return outcomes;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Edits one synthetic article as a maintainer would: a sentence of its raw text, its digest, then the restore of its body. */
function editOneArticle(copy: string): string {
  const id = synthArticleId(1);
  const folder = join(copy, 'content', 'articles', id);
  const index = join(folder, 'index.md');
  const text = readFileSync(index, 'utf8');
  const frontmatter = /^---\n([\s\S]*?\n)---\n/.exec(text);
  if (!frontmatter) throw new Error(`${index} has no frontmatter`);
  const document = parseDocument(frontmatter[1]!);
  const rawFile = join(folder, String(document.get('raw')));
  const raw = readFileSync(rawFile, 'utf8');
  const sentence = '只供測試與基準使用';
  if (!raw.includes(sentence)) throw new Error(`${rawFile} no longer holds "${sentence}"; update editOneArticle`);
  const edited = raw.replace(sentence, `${sentence}（已修改）`);
  writeFileSync(rawFile, edited);
  document.set('rawSha256', createHash('sha256').update(edited, 'utf8').digest('hex'));
  writeFileSync(index, `---\n${document.toString({ lineWidth: 0 })}---\n${text.slice(frontmatter[0].length)}`);
  run(process.execPath, ['scripts/restore.ts', join('content', 'articles', id)], copy);
  return `content/articles/${id}/`;
}

async function measure(n: number, keep: boolean, previous: Figures | undefined): Promise<Figures> {
  const parent = mkdtempSync(join(tmpdir(), `bench-archive-${n}-`));
  const copy = join(parent, 'site');
  try {
    console.log(`\n# N = ${n}: synthetic copy in ${copy}`);
    run('npm', ['run', '--silent', 'archive:synth', '--', String(n), '--out', copy], ROOT);
    const full = await build(copy, 'full');
    console.log(`built in ${seconds(full.wallMs)}, peak ${mb(full.peakBytes)}`);
    const dist = join(copy, 'dist');
    const sizes = pageSizes(dist);
    const figures: Figures = {
      n,
      build: full,
      msPerAddedArticle: previous ? (full.wallMs - previous.build.wallMs) / (n - previous.n) : null,
      distBytes: folderBytes(dist),
      searchIndexBytes: folderBytes(join(dist, 'pagefind')),
      pages: sizes.pages,
      largestPage: sizes.largest,
      largestListingPage: sizes.largestListing,
      listingPagesOver: sizes.over,
      firstSearch: await firstSearch(dist),
    };
    if (n === INCREMENTAL_AT) {
      const edited = editOneArticle(copy);
      const rebuild = await build(copy, 'incremental');
      figures.incremental = { fullMs: full.wallMs, rebuildMs: rebuild.wallMs, speedup: full.wallMs / rebuild.wallMs, edited };
      console.log(`rebuilt after editing ${edited} in ${seconds(rebuild.wallMs)}`);
    }
    return figures;
  } finally {
    if (keep) console.log(`kept ${parent}`);
    else rmSync(parent, { recursive: true, force: true });
  }
}

/** Every target the figures miss, as sentences. */
function misses(all: Figures[]): string[] {
  const out: string[] = [];
  for (const f of all) {
    if (f.n >= 1000 && f.build.wallMs > TARGETS.buildMsAt1000) out.push(`N=${f.n}: the build took ${seconds(f.build.wallMs)} (target ≤ ${seconds(TARGETS.buildMsAt1000)})`);
    if (f.n >= 1000 && f.build.peakBytes > TARGETS.peakBytesAt1000) out.push(`N=${f.n}: peak memory ${mb(f.build.peakBytes)} (target ≤ ${mb(TARGETS.peakBytesAt1000)})`);
    const searchTarget = f.n === 1 ? TARGETS.firstSearchBytesAt1 : TARGETS.firstSearchBytes;
    for (const search of f.firstSearch) {
      if (search.bytes > searchTarget) out.push(`N=${f.n}: the first search for "${search.query}" received ${kb(search.bytes)} from pagefind/ (target ≤ ${kb(searchTarget)})`);
      if (search.results === 0 || search.pageResults === 0) out.push(`N=${f.n}: the search for "${search.query}" found nothing`);
    }
    for (const page of f.listingPagesOver) out.push(`N=${f.n}: ${page.path} is ${kb(page.brotli)} with brotli (listing and cross-article pages ≤ ${kb(TARGETS.listingPageBrotli)})`);
    if (f.incremental && f.incremental.speedup < TARGETS.incrementalSpeedup) {
      out.push(`N=${f.n}: the rebuild after one edit took ${seconds(f.incremental.rebuildMs)}, ${f.incremental.speedup.toFixed(2)}× faster than the full build (target ≥ ${TARGETS.incrementalSpeedup}×)`);
    }
  }
  const linearity = linearityRatio(all);
  if (linearity !== null && linearity > TARGETS.linearity) out.push(`ms per added article at N=1000 is ${linearity.toFixed(2)}× that at N=100 (target ≤ ${TARGETS.linearity}×)`);
  return out;
}

function linearityRatio(all: Figures[]): number | null {
  const at = (n: number): number | null => all.find((f) => f.n === n)?.msPerAddedArticle ?? null;
  const [hundred, thousand] = [at(100), at(1000)];
  return hundred !== null && thousand !== null ? thousand / hundred : null;
}

function printTable(all: Figures[]): void {
  const stepNames = [...new Set(all.flatMap((f) => Object.keys(f.build.steps)))].filter((name) => name !== 'totalMs');
  const header = ['N', 'build', ...stepNames.map((name) => name.replace(/Ms$/, '')), 'ms/added article', 'peak mem', 'dist', 'search index', 'first search: box (results), search page (results)', 'pages', 'largest page (raw, brotli)', 'largest listing page (raw, brotli)'];
  const rows = all.map((f) => [
    String(f.n),
    seconds(f.build.wallMs),
    ...stepNames.map((name) => (f.build.steps[name] === undefined ? '—' : seconds(f.build.steps[name]!))),
    f.msPerAddedArticle === null ? '—' : `${f.msPerAddedArticle.toFixed(0)} ms`,
    mb(f.build.peakBytes),
    mb(f.distBytes),
    kb(f.searchIndexBytes),
    f.firstSearch.map((search) => `${search.query} ${kb(search.bytes)} (${search.results}), page ${kb(search.pageBytes)} (${search.pageResults})`).join('; '),
    String(f.pages),
    `${f.largestPage.path} ${kb(f.largestPage.raw)}, ${kb(f.largestPage.brotli)}`,
    f.largestListingPage === null ? '—' : `${f.largestListingPage.path} ${kb(f.largestListingPage.raw)}, ${kb(f.largestListingPage.brotli)}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  console.log('\n## Archive at scale\n');
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  const linearity = linearityRatio(all);
  console.log(
    `\nTargets: N=1000 build ≤ ${seconds(TARGETS.buildMsAt1000)} and peak ≤ ${mb(TARGETS.peakBytesAt1000)}; ms per added article at 1000 ≤ ${TARGETS.linearity}× that at 100 ` +
      `(${linearity === null ? 'needs N=100 and N=1000' : `${linearity.toFixed(2)}×`}); first search ≤ ${kb(TARGETS.firstSearchBytesAt1)} at N=1, ≤ ${kb(TARGETS.firstSearchBytes)} beyond ` +
      `(from the header box on search/: bytes under pagefind/ as sent until the results show, results shown in brackets; the search page's own field printed too); every page but the articles' own ≤ ${kb(TARGETS.listingPageBrotli)} with brotli (synthetic articles repeat one text, which brotli finds again: follow the raw size of listing pages too); rebuild after one edit at N=${INCREMENTAL_AT} ≥ ${TARGETS.incrementalSpeedup}× faster.`,
  );
  for (const f of all) {
    if (f.incremental) {
      console.log(`Incremental at N=${f.n}: full ${seconds(f.incremental.fullMs)}, after editing ${f.incremental.edited} ${seconds(f.incremental.rebuildMs)}: ${f.incremental.speedup.toFixed(2)}× faster.`);
    }
    if (f.listingPagesOver.length > 0) {
      const shown = f.listingPagesOver.sort((a, b) => b.brotli - a.brotli).slice(0, 10);
      console.log(`N=${f.n}: ${f.listingPagesOver.length} page(s) over ${kb(TARGETS.listingPageBrotli)} with brotli: ${shown.map((page) => `${page.path} ${kb(page.brotli)}`).join(', ')}`);
    }
  }
}

async function main(): Promise<number> {
  const { counts, keep } = parseArgs(process.argv.slice(2));
  const all: Figures[] = [];
  for (const n of counts) {
    all.push(await measure(n, keep, all.at(-1)));
    printTable(all);
  }
  const missed = misses(all);
  mkdirSync(join(ROOT, '.build'), { recursive: true });
  writeFileSync(join(ROOT, '.build', 'bench-archive.json'), `${JSON.stringify({ date: new Date().toISOString(), targets: TARGETS, figures: all, linearity: linearityRatio(all), misses: missed }, null, 2)}\n`);
  console.log(missed.length === 0 ? '\nEvery target met.' : `\nTargets missed:\n${missed.map((miss) => `  ${miss}`).join('\n')}`);
  console.log('Written to .build/bench-archive.json.');
  return missed.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
