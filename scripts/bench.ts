/**
 * Budgets: prints figures and ratios against the targets, and exits non-zero when a page misses
 * the page-weight budget (README, "Decisions and known limits"):
 *
 * - every page's first visit (HTML, stylesheets and JavaScript loaded before any interaction, each
 *   compressed on its own as sent, with brotli and with gzip) fits the first round trip, ≤ 14 KB;
 * - except long documents (the article, the claims list), whose HTML + CSS stay ≤ 2.3× their
 *   visible text, both compressed with brotli (what hosts serve to browsers that accept it; the
 *   gzip ratio is printed, and is higher: gzip compresses markup less well than text);
 * - printed only: JavaScript before interaction against its target (≤ 2 KB);
 * - Lighthouse, mobile preset, on home, article, timeline, one person, dispute and search
 *   (target 100 in every category);
 * - the build time and its parts, from .build/timings.json (written by `npm run build`).
 *
 * Runs on the built site in dist/ (or SITE_OUT_DIR, built for SITE_BASE). `--no-lighthouse`
 * skips the slowest part.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { fileForPath, isNotFoundPage, listPages, SIMPLIFIED_PREFIX } from './lib/built-pages.ts';
import { normaliseBase } from '../src/lib/pages/urls.ts';
import { startServer } from './serve.ts';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** About what a server sends before the first acknowledgement (10 TCP segments of ~1.4 KB). */
const FIRST_VISIT_BUDGET_BYTES = 14 * 1024;
const LONG_DOCUMENT_RATIO = 2.3;
/** Long documents, by path below the script prefix: their size follows their text, not a fixed budget. */
const LONG_DOCUMENTS = new Set(['article/', 'claims/']);
const JS_TARGET_BYTES = 2048;
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const root = resolve(process.env.SITE_OUT_DIR ?? 'dist');
const base = normaliseBase(process.env.SITE_BASE ?? '/');

const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;
const brotliSize = (data: Buffer | string): number =>
  brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(data) } }).length;

const mark = (ok: boolean): string => (ok ? 'ok' : 'OVER');

interface PageFigures {
  page: string;
  htmlGzip: number;
  htmlBrotli: number;
  cssGzip: number;
  cssBrotli: number;
  textGzip: number;
  textBrotli: number;
  jsGzip: number;
  jsBrotli: number;
  jsFiles: number;
  /** Where the HTML's bytes go (brotli, each part compressed on its own). */
  headBrotli: number;
  frameBrotli: number;
  mainBrotli: number;
  mainTextBrotli: number;
}

/** The HTML split into <head>, <main> and the page frame around <main> (header, navigation, footer). */
function splitHtml(html: string): { head: string; main: string; frame: string } {
  const headEnd = html.indexOf('</head>');
  const mainStart = html.indexOf('<main');
  const mainEnd = html.indexOf('</main>');
  if (headEnd < 0 || mainStart < 0 || mainEnd < 0) return { head: '', main: html, frame: '' };
  return {
    head: html.slice(0, headEnd),
    main: html.slice(mainStart, mainEnd),
    frame: html.slice(headEnd, mainStart) + html.slice(mainEnd),
  };
}

/** Maps a same-origin URL to the built file it is served from. */
function fileOfUrl(url: string, origin: string): string | null {
  const parsed = new URL(url);
  if (parsed.origin !== origin) return null;
  const pathname = decodeURIComponent(parsed.pathname);
  return pathname.startsWith(base) ? fileForPath(root, pathname.slice(base.length)) : null;
}

async function measurePages(): Promise<PageFigures[]> {
  const server = await startServer({ root, base, port: 0, compress: false });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS });
  const figures: PageFigures[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    for (const builtPage of listPages(root)) {
      if (builtPage.redirect) continue;
      const page = await context.newPage();
      await page.goto(server.url + builtPage.path, { waitUntil: 'networkidle' });
      const measured = await page.evaluate(() => ({
        text: document.body.innerText,
        mainText: document.querySelector('main')?.innerText ?? '',
        stylesheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')].map((link) => link.href),
        inlineScripts: [...document.querySelectorAll<HTMLScriptElement>('script:not([src])')]
          .filter((script) => !/json/.test(script.type))
          .map((script) => script.textContent ?? ''),
        scripts: performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => /\.(m?js)(\?|$)/.test(name)),
      }));
      await page.close();

      const html = readFileSync(builtPage.file);
      // Stylesheets are sent (and compressed) each on its own; inline <style> is part of the HTML bytes.
      const cssBodies = measured.stylesheets
        .map((href) => fileOfUrl(href, server.origin))
        .filter((file): file is string => file !== null)
        .map((file) => readFileSync(file));
      const text = measured.text.replace(/\s+/g, ' ').trim();
      const parts = splitHtml(html.toString('utf8'));

      const jsFiles = [...new Set(measured.scripts)].map((href) => fileOfUrl(href, server.origin)).filter((file): file is string => file !== null);
      const jsBodies = [...jsFiles.map((file) => readFileSync(file)), ...measured.inlineScripts.filter(Boolean).map((code) => Buffer.from(code))];
      figures.push({
        page: builtPage.path || '(home)',
        htmlGzip: gzipSize(html),
        htmlBrotli: brotliSize(html),
        cssGzip: cssBodies.reduce((sum, body) => sum + gzipSize(body), 0),
        cssBrotli: cssBodies.reduce((sum, body) => sum + brotliSize(body), 0),
        textGzip: gzipSize(text),
        textBrotli: brotliSize(text),
        jsGzip: jsBodies.reduce((sum, body) => sum + gzipSize(body), 0),
        jsBrotli: jsBodies.reduce((sum, body) => sum + brotliSize(body), 0),
        jsFiles: jsBodies.length,
        headBrotli: brotliSize(parts.head),
        frameBrotli: brotliSize(parts.frame),
        mainBrotli: brotliSize(parts.main),
        mainTextBrotli: brotliSize(measured.mainText.replace(/\s+/g, ' ').trim()),
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

const isLongDocument = (page: string): boolean => LONG_DOCUMENTS.has(page.startsWith(SIMPLIFIED_PREFIX) ? page.slice(SIMPLIFIED_PREFIX.length) : page);

interface BudgetCheck {
  firstVisitGzip: number;
  firstVisitBrotli: number;
  ratioGzip: number;
  ratioBrotli: number;
  /** The budget that applies to the page, and whether it holds with each compression. */
  budget: string;
  misses: string[];
}

function checkBudget(f: PageFigures): BudgetCheck {
  const firstVisitGzip = f.htmlGzip + f.cssGzip + f.jsGzip;
  const firstVisitBrotli = f.htmlBrotli + f.cssBrotli + f.jsBrotli;
  const ratioGzip = (f.htmlGzip + f.cssGzip) / f.textGzip;
  const ratioBrotli = (f.htmlBrotli + f.cssBrotli) / f.textBrotli;
  const misses: string[] = [];
  let budget: string;
  if (isLongDocument(f.page)) {
    budget = `long document: html+css ≤ ${LONG_DOCUMENT_RATIO}× text (brotli) ${mark(ratioBrotli <= LONG_DOCUMENT_RATIO)}`;
    if (ratioBrotli > LONG_DOCUMENT_RATIO) misses.push(`${f.page}: HTML + CSS are ${ratioBrotli.toFixed(2)}× the visible text with brotli (budget ${LONG_DOCUMENT_RATIO}×)`);
  } else {
    budget = `first visit ≤ ${FIRST_VISIT_BUDGET_BYTES} B, gz ${mark(firstVisitGzip <= FIRST_VISIT_BUDGET_BYTES)} br ${mark(firstVisitBrotli <= FIRST_VISIT_BUDGET_BYTES)}`;
    if (firstVisitGzip > FIRST_VISIT_BUDGET_BYTES) misses.push(`${f.page}: first visit is ${firstVisitGzip} B with gzip (budget ${FIRST_VISIT_BUDGET_BYTES} B)`);
    if (firstVisitBrotli > FIRST_VISIT_BUDGET_BYTES) misses.push(`${f.page}: first visit is ${firstVisitBrotli} B with brotli (budget ${FIRST_VISIT_BUDGET_BYTES} B)`);
  }
  return { firstVisitGzip, firstVisitBrotli, ratioGzip, ratioBrotli, budget, misses };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints each page's figures against the budget; returns the misses. */
function printPageFigures(figures: PageFigures[]): string[] {
  console.log(
    `\n## Page weight: first visit (HTML + CSS + JavaScript before interaction) ≤ ${kb(FIRST_VISIT_BUDGET_BYTES)}, ` +
      `long documents HTML + CSS ≤ ${LONG_DOCUMENT_RATIO}× visible text (brotli); JavaScript before interaction (target ≤ ${JS_TARGET_BYTES} B)\n`,
  );
  const header = ['page', 'first gz', 'first br', 'html br', 'css br', 'text br', 'ratio gz', 'ratio br', 'js gz', 'js br', 'budget', 'js target'];
  const checks = figures.map((f) => ({ f, check: checkBudget(f) }));
  const rows = checks.map(({ f, check }) => [
    f.page,
    `${check.firstVisitGzip} B`,
    `${check.firstVisitBrotli} B`,
    `${f.htmlBrotli} B`,
    `${f.cssBrotli} B`,
    `${f.textBrotli} B`,
    `${check.ratioGzip.toFixed(2)}×`,
    `${check.ratioBrotli.toFixed(2)}×`,
    `${f.jsGzip} B in ${f.jsFiles}`,
    `${f.jsBrotli} B`,
    check.budget,
    `gz ${mark(f.jsGzip <= JS_TARGET_BYTES)} br ${mark(f.jsBrotli <= JS_TARGET_BYTES)}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));

  const short = checks.filter(({ f }) => !isLongDocument(f.page));
  const long = checks.filter(({ f }) => isLongDocument(f.page));
  const range = (values: number[]): string => `${kb(Math.min(...values))}–${kb(Math.max(...values))}`;
  const ratios = (values: number[]): string => values.map((value) => `${value.toFixed(2)}×`).join(', ');
  console.log(
    `\nFirst visit of the ${short.length} other pages: brotli ${range(short.map(({ check }) => check.firstVisitBrotli))}, ` +
      `gzip ${range(short.map(({ check }) => check.firstVisitGzip))} (budget ${kb(FIRST_VISIT_BUDGET_BYTES)}).`,
  );
  console.log(
    `Long documents (${long.map(({ f }) => f.page).join(', ')}): HTML + CSS against visible text, brotli ${ratios(long.map(({ check }) => check.ratioBrotli))}; ` +
      `gzip ${ratios(long.map(({ check }) => check.ratioGzip))} (budget ${LONG_DOCUMENT_RATIO}× with brotli).`,
  );
  const withinJsGzip = figures.filter((f) => f.jsGzip <= JS_TARGET_BYTES).length;
  const withinJsBrotli = figures.filter((f) => f.jsBrotli <= JS_TARGET_BYTES).length;
  console.log(`JavaScript target (each file compressed on its own, as sent): ${withinJsGzip}/${figures.length} pages within it gzip, ${withinJsBrotli}/${figures.length} brotli.`);
  const misses = checks.flatMap(({ check }) => check.misses);
  console.log(misses.length === 0 ? `Page-weight budget: all ${figures.length} pages within it.` : `Page-weight budget missed:\n${misses.map((miss) => `  ${miss}`).join('\n')}`);
  return misses;
}

/**
 * Where the bytes of a page go, by kind of page (the median page of each kind): the head
 * (metadata, JSON-LD), the frame around <main>, the stylesheets, and <main> against its own
 * text, which shows how much of the ratio is the annotation markup itself.
 */
function printBreakdown(figures: PageFigures[]): void {
  console.log('\n## Where the bytes go (brotli; median page of each kind, Traditional script)\n');
  const kindOf = (page: string): string =>
    page.startsWith('zh-hans/') ? '' : page.replace(/^people\/[^/]+\/$/, 'people/<person>/').replace(/^organizations\/[^/]+\/$/, 'organizations/<organization>/');
  const kinds = new Map<string, PageFigures[]>();
  for (const f of figures) {
    const kind = kindOf(f.page);
    if (kind) kinds.set(kind, [...(kinds.get(kind) ?? []), f]);
  }
  const header = ['page', 'head', 'frame', 'css', 'main', 'main text', 'main ÷ its text', 'all ÷ text'];
  const rows = [...kinds].map(([kind, pages]) => {
    const sorted = [...pages].sort((a, b) => a.htmlBrotli - b.htmlBrotli);
    const f = sorted[Math.floor(sorted.length / 2)] as PageFigures;
    return [
      kind,
      `${f.headBrotli} B`,
      `${f.frameBrotli} B`,
      `${f.cssBrotli} B`,
      `${f.mainBrotli} B`,
      `${f.mainTextBrotli} B`,
      `${(f.mainBrotli / f.mainTextBrotli).toFixed(2)}×`,
      `${((f.htmlBrotli + f.cssBrotli) / f.textBrotli).toFixed(2)}×`,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
}

async function runLighthouse(): Promise<void> {
  const pages = listPages(root).filter((p) => p.script === 'hant' && !isNotFoundPage(p.path));
  const person = pages.find((p) => /^people\/[^/]+\/$/.test(p.path));
  const targets = ['', 'article/', 'timeline/', person?.path, 'dispute/', 'search/'].filter(
    (path): path is string => path !== undefined && pages.some((p) => p.path === path),
  );
  console.log('\n## Lighthouse, mobile preset (target 100 in every category)\n');
  const server = await startServer({ root, base, port: 0 });
  const chrome = await launchChrome({ chromePath: CHROME_PATH, chromeFlags: ['--headless=new', ...CHROME_FLAGS] });
  try {
    console.log(['page'.padEnd(28), ...LIGHTHOUSE_CATEGORIES.map((c) => c.padEnd(16))].join(''));
    for (const path of targets) {
      const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: LIGHTHOUSE_CATEGORIES });
      const categories = result?.lhr.categories ?? {};
      const scores = LIGHTHOUSE_CATEGORIES.map((id) => {
        const score = categories[id]?.score;
        return (score === null || score === undefined ? 'n/a' : String(Math.round(score * 100))).padEnd(16);
      });
      console.log([(path || '(home)').padEnd(28), ...scores].join(''));
      // Only audits that weigh in a category score explain a score below 100.
      const weighed = new Set(Object.values(categories).flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)));
      const failing = Object.values(result?.lhr.audits ?? {}).filter((audit) => weighed.has(audit.id) && audit.score !== null && audit.score < 1);
      for (const audit of failing.slice(0, 8)) console.log(`    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}

function printBuildTimings(): void {
  const file = join('.build', 'timings.json');
  console.log('\n## Build time\n');
  if (!existsSync(file)) {
    console.log(`(no ${file}: run \`npm run build\` first)`);
    return;
  }
  const timings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const total = timings.totalMs ?? Object.values(timings).reduce((sum, ms) => sum + ms, 0);
  for (const [part, ms] of Object.entries(timings)) {
    const share = part === 'totalMs' ? '' : ` (${((ms / total) * 100).toFixed(0)} %)`;
    console.log(`${part.replace(/Ms$/, '').padEnd(12)} ${(ms / 1000).toFixed(2).padStart(7)} s${share}`);
  }
}

if (!fileForPath(root, '')) {
  console.error(`No built site at ${root}: run \`npm run build\` first.`);
  process.exit(1);
}
console.log(`# Benchmarks for ${root} (base ${base})`);
const pageFigures = await measurePages();
const budgetMisses = printPageFigures(pageFigures);
printBreakdown(pageFigures);
if (process.argv.includes('--no-lighthouse')) console.log('\n(Lighthouse skipped: --no-lighthouse)');
else await runLighthouse();
printBuildTimings();
if (budgetMisses.length > 0) {
  console.error(`\n${budgetMisses.length} page-weight budget miss${budgetMisses.length === 1 ? '' : 'es'} (listed above).`);
  process.exitCode = 1;
}
