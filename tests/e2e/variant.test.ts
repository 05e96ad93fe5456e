// One extra build of a copy of the project, as a maintainer could make it by mistake or on
// purpose: deployed under a sub-path (SITE_BASE=/sub/), with markup-like text in content (a
// claim, a claim note, an event title) and with the moves of moves.ts declared. In it:
// - every internal link, resource, fragment and the search work under the sub-path;
// - the markup-like text is shown as text and never becomes an element or runs;
// - the declared moves work under the sub-path (the checks redirects.test.ts runs at the root;
//   one build serves both, as neither changes what the other checks).
// E2E_VARIANT_DIR may name an earlier output of this build to skip rebuilding while iterating.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import type { Browser } from 'playwright-core';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { listPages, readPageFacts } from '../../scripts/lib/built-pages.ts';
import { startServer } from '../../scripts/serve.ts';
import type { RunningServer } from '../../scripts/serve.ts';
import { buildEnvironment, copyProject, followLinks, launchBrowser, mainText, openTrackedPage, searchFromHeader, sweepPages } from './harness.ts';
import type { Site } from './harness.ts';
import { declareMoves, declaredMovesTests, withMoves } from './moves.ts';
import type { MovedCopy } from './moves.ts';

const BASE = '/sub/';

/** Markup-like strings a maintainer might paste; each must reach the reader as these very characters. */
const INJECTIONS = {
  claimText: '<script>alert("claim")</script>這句話含有程式碼樣的文字',
  claimNote: '"><img src=x onerror=alert("note")>這則註記含有標記',
  eventTitle: '<b onmouseover=alert("event")>事件標題含有標記</b>',
} as const;

/** Copies what the build reads into a temporary project and writes the injected content there. */
function prepareVariantProject(): string {
  const copy = copyProject('variant-project-');

  const claimsFile = join(copy, 'content', 'claims', 'meta-ai-llama.yaml');
  const claims = parseDocument(readFileSync(claimsFile, 'utf8'));
  claims.setIn([0, 'text'], INJECTIONS.claimText);
  // An "unverifiable" note also puts the claim into the page's ClaimReview JSON-LD.
  claims.setIn([0, 'notes'], [{ kind: 'unverifiable', text: INJECTIONS.claimNote }]);
  writeFileSync(claimsFile, claims.toString());

  const eventsFile = join(copy, 'content', 'events', 'meta-ai-llama.yaml');
  const events = parseDocument(readFileSync(eventsFile, 'utf8'));
  events.setIn([0, 'title'], INJECTIONS.eventTitle);
  writeFileSync(eventsFile, events.toString());
  moved.declared = declareMoves(copy);
  return copy;
}

function buildVariant(): { outDir: string; cleanup: () => void } {
  const project = prepareVariantProject();
  const outDir = join(project, 'site');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: project,
    env: buildEnvironment({ SITE_BASE: BASE, SITE_OUT_DIR: outDir }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    rmSync(project, { recursive: true, force: true });
    throw new Error(`the variant build failed (exit ${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  return { outDir, cleanup: () => rmSync(project, { recursive: true, force: true }) };
}

let outDir = process.env.E2E_VARIANT_DIR ? resolve(process.env.E2E_VARIANT_DIR) : '';
let cleanup = (): void => undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
const moved: MovedCopy = { base: BASE, outDir: '', declared: '', origin: '', browser: undefined };
const site: Site = {
  root: '',
  base: BASE,
  origin: '',
  pages: [],
  sweep: [],
  get browser(): Browser {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  },
  url: (path = '') => `${site.origin}${BASE}${path.replace(/^\//, '')}`,
  newPage: (options = {}) => openTrackedPage(site.browser, site.origin, options),
};

beforeAll(() => {
  if (!outDir) ({ outDir, cleanup } = buildVariant());
  // An earlier output (E2E_VARIANT_DIR) was built with the project's moves and the test's.
  else moved.declared = withMoves(process.cwd());
  site.root = outDir;
  moved.outDir = outDir;
  site.pages = listPages(outDir);
  site.sweep = sweepPages(site.pages);
}, 900_000);

beforeAll(async () => {
  server = await startServer({ root: outDir, base: BASE, port: 0 });
  site.origin = server.origin;
  moved.origin = server.origin;
  browser = await launchBrowser();
  moved.browser = browser;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup();
});

describe(`built under the sub-path ${BASE}`, () => {
  test('every internal link, resource, fragment, url() and sitemap entry resolves under the base', () => {
    const result = checkLinks({ root: outDir, base: BASE });
    expect(result.problems).toEqual([]);
    expect(result.pages).toBeGreaterThan(2);
  });

  test('pages are served only under the base; the root has nothing', async () => {
    expect((await fetch(`${site.origin}/article/`)).status).toBe(404);
    expect((await fetch(site.url('article/'))).status).toBe(200);
  });

  for (const path of ['', 'article/', 'zh-hans/people/', 'timeline/']) {
    test(`links from ${path || '(home)'} land on their targets`, async () => {
      expect(await followLinks(site, path, 8)).toEqual([]);
    });
  }

  for (const [path, query] of [
    ['', '離職'],
    ['zh-hans/', '离职'],
  ] as const) {
    test(`search from ${path || '(home)'} loads its index under the base and opens a result there`, async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        const requested: string[] = [];
        page.on('request', (request) => requested.push(new URL(request.url()).pathname));
        await page.goto(site.url(path));
        const results = await searchFromHeader(page, query);
        expect(results.length).toBeGreaterThan(0);
        expect(requested.filter((p) => p.includes('pagefind')).every((p) => p.startsWith(`${BASE}pagefind/`))).toBe(true);
        expect(requested.some((p) => p.startsWith(`${BASE}pagefind/`))).toBe(true);
        for (const href of results) expect(new URL(href).pathname.startsWith(`${BASE}${path}`), href).toBe(true);
        await page.goto(results[0] ?? '');
        expect((await mainText(page)).length).toBeGreaterThan(0);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }

  test('the full search page takes its query from the URL under the base', async () => {
    const tracked = await site.newPage();
    try {
      await tracked.page.goto(site.url(`search/?q=${encodeURIComponent('Lample')}`));
      const link = tracked.page.locator('main a[href*="people/guillaume-lample/"]').first();
      await link.waitFor({ state: 'visible', timeout: 30_000 });
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

describe('markup-like content is shown as text, never run', () => {
  const pagesWith = (needle: string): string[] =>
    site.pages.filter((p) => readPageFacts(p.file).text.includes(needle)).map((p) => p.path);

  test('each injected string appears as text on the pages that show it, in both scripts', () => {
    for (const [field, text] of Object.entries(INJECTIONS)) {
      // The Simplified twins convert the Chinese words; the markup-like start stays as typed.
      const markup = text.split(/[\u4e00-\u9fff]/)[0] ?? text;
      const found = pagesWith(markup);
      expect(found.length, `${field}: "${markup}" is not shown as text anywhere`).toBeGreaterThan(0);
      expect(found.some((p) => p.startsWith('zh-hans/')), `${field}: not shown on any Simplified page`).toBe(true);
    }
  });

  test('no built page turned it into elements, attributes or script', () => {
    const problems: string[] = [];
    for (const builtPage of site.pages) {
      visit(fromHtml(readFileSync(builtPage.file, 'utf8')), 'element', (node: Element) => {
        const where = `${builtPage.path}: <${node.tagName}>`;
        if (Object.keys(node.properties).some((name) => /^on[A-Z]/.test(name))) problems.push(`${where} has an event handler attribute`);
        if (node.tagName === 'img' && node.properties.src === 'x') problems.push(`${where} is the injected image`);
        if (node.tagName === 'b' && toString(node).includes('事件標題含有標記')) problems.push(`${where} is the injected element`);
        if (node.tagName === 'script') {
          const text = toString(node);
          if (text.includes('alert(')) {
            // Only as escaped data inside JSON-LD, where "<" is written \u003c.
            if (node.properties.type !== 'application/ld+json' || text.includes('<')) problems.push(`${where} carries the injected script`);
            else JSON.parse(text);
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });

  for (const path of ['claims/', 'timeline/', 'article/', 'zh-hans/claims/']) {
    test(`${path}: no dialog, no injected element, no CSP violation`, async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        await page.goto(site.url(path));
        await page.waitForLoadState('networkidle');
        expect(await page.locator('img[src="x"], [onerror], [onmouseover]').count()).toBe(0);
        expect(tracked.problems.dialogs).toEqual([]);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }

  test('search results show it as text too', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url(''));
      await searchFromHeader(page, '程式碼樣的文字');
      // Every result is shown once the box has answered the whole query.
      await expect.poll(() => page.locator('site-search').getAttribute('data-search-done'), { timeout: 20_000 }).toBe('程式碼樣的文字');
      expect(await page.locator('site-search img, site-search script:not([src]), site-search [onerror]').count()).toBe(0);
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

describe(`declared moves, built under ${BASE}`, () => {
  declaredMovesTests(moved, { axe: false });
});
