// A 10-article archive in the browser: a copy of the project with ten synthetic articles
// (scripts/archive-synth.ts) and the follow-up report of tests/fixtures/second-article/, built
// once. One page of every kind, in both scripts, gets the sweep's checks that depend on the
// archive: it loads with one <main>; the header search; no console error, CSP violation or failed
// request. The Traditional page also gets axe light and dark (on the home page again with the
// search results open): its twin has the same markup and colours, which the sweep of the
// published site checks with axe in both scripts, so axe there would judge nothing new. Search
// results name the article they come from and the search page keeps to one article; the claims
// and timeline filters narrow the list to one article without JavaScript. Links, fragments,
// html-validate and the text without JavaScript of such a copy are checked from the files
// (tests/site/archive-build.test.ts). Its search index is built as a large archive's is, a few
// places to a Pagefind record (SEARCH_RECORDS_PER_SCRIPT), so every search here reads places
// cut back out of a shared record, and in parts (SEARCH_PART_CHARS), so every search here asks
// an index merged in the browser.
//
// Measured under a load of 8 on the 2-core machine: the build about 31 s, the pages about 170 s
// (each page with its twin side by side). The hook allows 10 minutes for the build on a heavily
// loaded machine.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { writeSynthArchive } from '../../scripts/archive-synth.ts';
import { synthArticleId } from '../../scripts/lib/archive-synth.ts';
import { listPages } from '../../scripts/lib/built-pages.ts';
import { bundleParts, readFragments, readPartFragments } from '../../scripts/lib/pagefind-bundle.ts';
import { startServer } from '../../scripts/serve.ts';
import type { RunningServer } from '../../scripts/serve.ts';
import { placesOfRecord } from '../../src/lib/search/grouping.ts';
import { addSecondArticle, SECOND_ARTICLE } from '../fixtures/second-article/apply.ts';
import { axeLightAndDark } from './axe.ts';
import { buildEnvironment, launchBrowser, openTrackedPage, pageKind, searchFromHeader } from './harness.ts';
import type { NewPageOptions, TrackedPage } from './harness.ts';

const BUILD_TIMEOUT_MS = 600_000;
const SYNTHETIC_ARTICLES = 10;
/** Pagefind records a script, far fewer than the archive's places (about 2,300 a script). */
const RECORDS_PER_SCRIPT = 500;
/** Characters an index part may hold, far fewer than the archive's (about 450,000 a script): five parts. */
const PART_CHARS = 100_000;
/** The synthetic article the searches and filters pick. */
const PICKED = synthArticleId(7);
/** A word every synthetic article has (its first paragraph) and no other page. */
const SYNTHETIC_WORD = '合成文章';
/** A query with hits in every article (the sweep's), in the script of the page. */
const QUERY = { hant: '離職', hans: '离职' } as const;

/**
 * A year of the timeline: past 40 events "timeline/" is an overview of the years
 * (src/lib/pages/timeline-pages.ts), and 2021 holds the source's event that every synthetic article
 * copies, so its page shows eleven articles: six colours and 「其他文章」.
 */
const TIMELINE_YEAR = 'timeline/2021/';
/** An event published on "timeline/" (tests/permalinks.json) that is now on the page of its year. */
const MOVED_EVENT = { id: 'event-llama-released', year: 'timeline/2023/' };

/** One page of each kind, Traditional paths; each is visited with its Simplified twin. */
const PAGES = [
  '',
  'article/',
  `articles/${PICKED}/`,
  `articles/${SECOND_ARTICLE}/`,
  'articles/',
  'timeline/',
  TIMELINE_YEAR,
  'claims/',
  `claims/${PICKED}/`,
  'people/',
  'people/guillaume-lample/',
  'organizations/',
  'organizations/mistral-ai/',
  'dispute/',
  'search/',
  'method/',
  '404.html',
];

let project = '';
let server: RunningServer | undefined;
let browser: Browser | undefined;
let origin = '';
/** Title of each synthetic article (archive-synth gives each one of its own), read from the copy. */
const titles = new Map<string, string>();

function readTitles(root: string): void {
  for (let index = 1; index <= SYNTHETIC_ARTICLES; index++) {
    const id = synthArticleId(index);
    const [, frontmatter = ''] = /^---\n([\s\S]*?\n)---\n/.exec(readFileSync(join(root, 'content', 'articles', id, 'index.md'), 'utf8')) ?? [];
    titles.set(id, String(parseDocument(frontmatter).get('title')));
  }
}

const url = (path: string): string => `${origin}/${path}`;

/** Opens the search page at `path` (its query in the URL) and waits until its search is done. */
async function openSearchPage(page: Page, path: string): Promise<void> {
  await page.goto(url(path));
  await page.waitForFunction(() => document.querySelector('search-page')?.getAttribute('data-search-done') !== null, undefined, { timeout: 30_000 });
}

/** The search page's results, as URLs. */
async function resultUrls(page: Page): Promise<URL[]> {
  const hrefs = await page.locator('[data-search-results] a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href));
}

async function withPage<T>(options: NewPageOptions, run: (tracked: TrackedPage) => Promise<T>): Promise<T> {
  const tracked = await openTrackedPage(browser!, origin, options);
  try {
    return await run(tracked);
  } finally {
    await tracked.close();
  }
}

beforeAll(async () => {
  project = writeSynthArchive(SYNTHETIC_ARTICLES);
  addSecondArticle(project);
  readTitles(project);
  const outDir = join(project, 'site');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: project,
    env: buildEnvironment({ SITE_BASE: '/', SITE_OUT_DIR: outDir, SEARCH_RECORDS_PER_SCRIPT: String(RECORDS_PER_SCRIPT), SEARCH_PART_CHARS: String(PART_CHARS) }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status}):\n${`${result.stdout}\n${result.stderr}`.slice(-4000)}`);
  const indexed = /\[search\] (\d+) places from \d+ pages indexed as (\d+) records/.exec(result.stdout);
  if (!indexed || Number(indexed[2]) * 2 > Number(indexed[1])) throw new Error(`the search index kept about one place per record: ${indexed?.[0] ?? 'no [search] line'}`);
  const parts = /indexed as \d+ records in (\d+) parts/.exec(result.stdout);
  if (!parts || Number(parts[1]) < 3) throw new Error(`the search index was not built in parts: ${indexed[0]}`);
  const kinds = new Set(listPages(outDir).filter((page) => !page.redirect).map((page) => pageKind(page.path)));
  const chosen = new Set(PAGES.map(pageKind));
  const missing = [...kinds].filter((kind) => !chosen.has(kind));
  if (missing.length > 0) throw new Error(`the archive has pages of kinds this file does not visit: ${missing.join(', ')}`);
  server = await startServer({ root: outDir, base: '/', port: 0 });
  origin = server.origin;
  browser = await launchBrowser();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The sweep's checks that depend on the archive, on one load of `path`. */
async function checkPage(path: string, script: 'hant' | 'hans'): Promise<void> {
  await withPage({ viewport: { width: 1280, height: 720 } }, async (tracked) => {
    const { page } = tracked;
    const response = await page.goto(url(path), { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('main').count(), path).resolves.toBe(1);
    if (script === 'hant') {
      expect(await axeLightAndDark(page), `${path}: axe`).toEqual({ light: [], dark: [] });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect((await searchFromHeader(page, QUERY[script])).length, `${path}: the search box found nothing`).toBeGreaterThan(0);
    if (path === '' || path === 'zh-hans/') {
      // The results now say which article they come from: that line must read in both schemes too.
      await expect(page.locator('site-search .search-source').count(), path).resolves.toBeGreaterThan(0);
      if (script === 'hant') expect(await axeLightAndDark(page), `${path}: axe with the search results open`).toEqual({ light: [], dark: [] });
    }
    expect(tracked.problemList(), `${path}: reading and searching`).toEqual([]);
  });
}

describe(`an archive of ${SYNTHETIC_ARTICLES} synthetic articles and the follow-up report, one page of each kind in both scripts`, () => {
  for (const path of PAGES) {
    // A page and its twin side by side: a load waits on the browser as much as on the CPU.
    test(`${path || '(home)'} and its twin`, async () => {
      await Promise.all([checkPage(path, 'hant'), checkPage(`zh-hans/${path}`, 'hans')]);
    });
  }
});

describe('search across the archive', () => {
  test('the header box finds a word of the synthetic articles, and each result from an article names that article', async () => {
    await withPage({}, async (tracked) => {
      const { page } = tracked;
      await page.goto(url(''));
      const links = await searchFromHeader(page, SYNTHETIC_WORD);
      const results = await page.locator('site-search [role=listbox] a[href]').evaluateAll((options) =>
        options.map((option) => ({ href: (option as HTMLAnchorElement).href, source: option.querySelector('.search-source')?.textContent ?? null })),
      );
      expect(results.map((result) => result.href)).toEqual(links);
      const fromSynthetic = results.filter((result) => /\/articles\/synth-\d+\//.test(result.href));
      expect(fromSynthetic.length, 'no result from a synthetic article').toBeGreaterThan(0);
      for (const result of results) {
        const article = /\/articles\/([^/]+)\//.exec(result.href)?.[1];
        expect(result.source, result.href).toBe(article && titles.has(article) ? `出自〈${titles.get(article)}〉` : null);
      }
      expect(tracked.problemList()).toEqual([]);
    });
  });

  test('the search page keeps to the articles ticked, in the URL, and names them; the Simplified page in its script', async () => {
    await withPage({}, async (tracked) => {
      const { page } = tracked;
      for (const prefix of ['', 'zh-hans/']) {
        await openSearchPage(page, `${prefix}search/?q=${encodeURIComponent('離職')}&article=${PICKED}`);
        // The box is ticked from the URL, and the search kept to it.
        await expect(page.locator(`input[type=checkbox][name=article][value="${PICKED}"]`).isChecked()).resolves.toBe(true);
        await expect(page.locator('search-page').getAttribute('data-search-scope')).resolves.toBe(`||${PICKED}`);
        const results = await page.locator('[data-search-results] a').evaluateAll((links) =>
          links.map((link) => ({ path: new URL((link as HTMLAnchorElement).href).pathname, source: link.querySelector('.search-source')?.textContent ?? '' })),
        );
        expect(results.length, `${prefix}search/: nothing found`).toBeGreaterThan(0);
        for (const result of results) {
          // Its places: the article's page, and its claims page.
          expect([`/${prefix}articles/${PICKED}/`, `/${prefix}claims/${PICKED}/`]).toContain(result.path);
          if (prefix === '') expect(result.source).toBe(`出自〈${titles.get(PICKED)}〉`);
          else {
            // The title in the Simplified data file is converted: 離職 is written 离职 there.
            expect(result.source).toMatch(new RegExp(`^出自〈合成第7篇：.*离职.*〉$`));
            expect(result.source).not.toContain('離職');
          }
        }
      }
      // Unticking the article widens the search to every article, and the URL says so.
      await page.locator(`input[type=checkbox][name=article][value="${PICKED}"]`).uncheck();
      await page.waitForFunction(() => !window.location.search.includes('article='), undefined, { timeout: 30_000 });
      await page.waitForFunction(
        () => new Set([...document.querySelectorAll('[data-search-results] a')].map((link) => new URL((link as HTMLAnchorElement).href).pathname)).size > 1,
        undefined,
        { timeout: 30_000 },
      );
      expect(tracked.problemList()).toEqual([]);
    });
  });

  test('the search page finds places in every part of an index built in parts', async () => {
    // The part of each place, from the files: the first part is the bundle itself.
    const partOf = new Map<string, number>();
    bundleParts(join(project, 'site', 'pagefind')).forEach((folder, part) => {
      for (const place of readPartFragments(folder).flatMap(placesOfRecord)) partOf.set(place.url, part);
    });
    const partCount = new Set(partOf.values()).size;
    expect(partCount).toBeGreaterThanOrEqual(3);
    await withPage({}, async (tracked) => {
      const { page } = tracked;
      const reached = new Set<number>();
      // A word of every synthetic article, a person (their page, the people index, the places
      // about them) and a month of events (the timeline, the claims and articles that date it).
      for (const query of [SYNTHETIC_WORD, 'Lample', '2022年11月']) {
        await openSearchPage(page, `search/?q=${encodeURIComponent(query)}`);
        for (const link of await resultUrls(page)) {
          const part = partOf.get(`${link.pathname}${link.hash}`);
          expect(part, `${query}: ${link.pathname}${link.hash} is a place of no part`).toBeDefined();
          reached.add(part!);
        }
      }
      expect([...reached].sort()).toEqual([...Array(partCount).keys()]);
      expect(tracked.problemList()).toEqual([]);
    });
  });

  test('the search page keeps to a side of the dispute by each place, within records that hold both sides', async () => {
    // Two events of the same months, one on each side, in one record of the index.
    const opt = '#event-opt-larger-model-started';
    const llama = '#event-llama-development-started';
    const records = readFragments(join(project, 'site', 'pagefind')).map((fragment) => placesOfRecord(fragment).map((place) => place.url));
    expect(records.some((urls) => urls.some((url) => url.endsWith(opt)) && urls.some((url) => url.endsWith(llama)))).toBe(true);
    await withPage({}, async (tracked) => {
      const { page } = tracked;
      const places = async (query: string): Promise<string[]> => {
        await openSearchPage(page, `search/?${query}`);
        return (await resultUrls(page)).map((link) => link.hash);
      };
      const month = encodeURIComponent('2022年11月');
      // Both are found without a side…
      const all = await places(`q=${month}&kind=event`);
      expect(all).toContain(opt);
      expect(all).toContain(llama);
      // …and with the OPT side, only the OPT team's, though the other shares its record.
      const optOnly = await places(`q=${month}&kind=event&side=opt`);
      expect(optOnly).toContain(opt);
      expect(optOnly).not.toContain(llama);
      expect(tracked.problemList()).toEqual([]);
    });
  });
});

describe('the entry filters without JavaScript', () => {
  /** The timeline filters its events by article; an article's claims page its claims by kind. */
  const FILTERS = [
    { path: TIMELINE_YEAR, facet: 'article', value: PICKED },
    { path: `claims/${PICKED}/`, facet: 'kind', value: 'opinion' },
  ];
  for (const { path, facet, value } of FILTERS) {
    test(`${path}: the ${facet} filter "${value}" shows only the entries that carry it`, async () => {
      await withPage({ javaScriptEnabled: false }, async (tracked) => {
        const { page } = tracked;
        await page.goto(url(path));
        const entries = page.locator('.entries > li');
        const all = await entries.count();
        const visible = async (): Promise<string[]> =>
          entries.evaluateAll((items, attribute) => items.filter((item) => (item as HTMLElement).offsetParent !== null).map((item) => item.getAttribute(attribute) ?? ''), `data-filter-${facet}`);
        expect((await visible()).length).toBe(all);
        await page.locator(`#filter-${facet}-${value}`).check();
        const shown = await visible();
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.length).toBeLessThan(all);
        for (const values of shown) expect(values.split(' ')).toContain(value);
        expect(tracked.problemList()).toEqual([]);
      });
    });
  }
});

describe('the timeline split by year', () => {
  test('the overview links each year; a year page of eleven articles names its colours and reads at 360 px, light and dark', async () => {
    await withPage({ viewport: { width: 360, height: 720 } }, async (tracked) => {
      const { page } = tracked;
      await page.goto(url('timeline/'));
      const years = await page.locator('main .tl-index h3 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
      expect(years).toContain(`/${TIMELINE_YEAR}`);
      await page.goto(url(TIMELINE_YEAR));
      const legend = await page.locator('.tl-legend li').allInnerTexts();
      expect(legend).toHaveLength(7);
      expect(legend.at(-1)).toMatch(/^其他文章（5 篇/);
      await expect(page.locator('.entries > li.ac').count()).resolves.toBe(await page.locator('.entries > li').count());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'sideways scrolling at 360 px').toBe(0);
      expect(await axeLightAndDark(page), `${TIMELINE_YEAR} at 360 px: axe`).toEqual({ light: [], dark: [] });
      expect(tracked.problemList()).toEqual([]);
    });
  });

  test('an event published on timeline/ points on to its year without JavaScript, in both scripts', async () => {
    await withPage({ javaScriptEnabled: false }, async (tracked) => {
      const { page } = tracked;
      for (const prefix of ['', 'zh-hans/']) {
        await page.goto(url(`${prefix}timeline/#${MOVED_EVENT.id}`));
        const note = page.locator(`#${MOVED_EVENT.id}`);
        await expect(note.isVisible()).resolves.toBe(true);
        await note.locator('a').click();
        await page.waitForURL(url(`${prefix}${MOVED_EVENT.year}#${MOVED_EVENT.id}`));
        await expect(page.locator(`h3#${MOVED_EVENT.id}`).isVisible()).resolves.toBe(true);
      }
      expect(tracked.problemList()).toEqual([]);
    });
  });

  test('with JavaScript, the old fragment takes the reader on to the event on its year, in both scripts', async () => {
    await withPage({}, async (tracked) => {
      const { page } = tracked;
      for (const prefix of ['', 'zh-hans/']) {
        await page.goto(url(`${prefix}timeline/#${MOVED_EVENT.id}`));
        await page.waitForURL(url(`${prefix}${MOVED_EVENT.year}#${MOVED_EVENT.id}`));
        await expect(page.locator(`h3#${MOVED_EVENT.id}`).isVisible()).resolves.toBe(true);
      }
      expect(tracked.problemList()).toEqual([]);
    });
  });
});
