/**
 * The browser sweep: every check that needs a real browser, done on one load of each page of the
 * sweep (every kind in both scripts and a seeded sample; every page with E2E_FULL=1) instead of
 * loading the page again in one file per check. On each page, in this order:
 *
 * 1. it loads (200) with one <main>, and once its scripts have run it carries exactly the ids of
 *    its HTML file, in order (tests/site/permalinks.test.ts finds the same ids in each page's
 *    twin from the files, so a link keeps its place across the script switch);
 * 2. a Traditional page but search shows at least 90 % of its main text with JavaScript off (a
 *    second load, without JavaScript, which must cause no problem either): the measure that
 *    tests/site/nojs-text.test.ts takes from the HTML of every page, here from real rendering;
 * 3. axe (WCAG 2.0/2.1/2.2 A and AA, best practices) finds nothing in light and in dark mode;
 * 4. on a Traditional page, each of the first 40 Tab stops shows a focus indicator that nothing
 *    covers (a twin has the same markup and style sheet, so the same stops);
 * 5. the header search box finds a word of the article (on the home pages axe runs again, light
 *    and dark, with the results open);
 * 6. reading and searching caused no console error, uncaught exception, CSP violation, dialog,
 *    failed request or request to another origin;
 * 7. on a Traditional page but 404, each internal link answers 200 and four fragment links, spread
 *    over the page, land on their :target in view (again without any problem). Every link and
 *    fragment of every page of both scripts is also checked from the files, in Node
 *    (tests/site/links.test.ts); here the browser shows that landing on one works.
 *
 * sweep.test.ts runs the Traditional pages, sweep-zh-hans.test.ts the Simplified ones, so the two
 * halves run side by side.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { isNotFoundPage, isSearchPage, readPageFacts } from '../../scripts/lib/built-pages.ts';
import type { BuiltPage, Script } from '../../scripts/lib/built-pages.ts';
import { axeLightAndDark } from './axe.ts';
import { tabStopProblems } from './focus.ts';
import { describeSweep, followInternalLinks, internalLinks, mainText, searchFromHeader } from './harness.ts';
import type { Site } from './harness.ts';

/** A query with hits in the article; written in the script of the page searched from. */
const QUERY = { hant: '離職', hans: '离职' } as const;
/** The header, navigation, search, the script switch and the start of main. */
const TAB_STOPS = 40;
const FRAGMENT_LINKS = 4;

/** With JavaScript off the page shows its main text; enhancements may add a few labels (copy-link buttons), no more. */
async function readingWithoutJavaScript(site: Site, path: string, full: string): Promise<void> {
  const withoutJs = await site.newPage({ javaScriptEnabled: false });
  try {
    await withoutJs.page.goto(site.url(path));
    const plain = await mainText(withoutJs.page);
    expect(plain.length, 'main has no text without JavaScript').toBeGreaterThan(0);
    expect(plain.length / full.length, 'text shown only with JavaScript').toBeGreaterThanOrEqual(0.9);
    expect(withoutJs.problemList(), 'without JavaScript').toEqual([]);
  } finally {
    await withoutJs.close();
  }
}

/** The fragment targets of the live document, as readPageFacts lists them from the file: ids and <a name>. */
function idsInPage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[id], a[name]')].flatMap((element) => [element.id, element.tagName === 'A' ? element.getAttribute('name') : null].filter((id): id is string => Boolean(id))),
  );
}

export function sweepTests(site: Site, script: Script): void {
  const pages: BuiltPage[] = site.sweep.filter((page) => page.script === script);
  describe(`each page of the sweep in the browser: ${describeSweep(site.pages.length, site.sweep.length)}; here the ${script === 'hant' ? 'Traditional' : 'Simplified'} ones`, () => {
    test('the sweep has pages of this script', () => {
      expect(pages.length).toBeGreaterThan(0);
    });
    for (const builtPage of pages) {
      test(builtPage.path || '(home)', async () => {
        const tracked = await site.newPage({ viewport: { width: 1280, height: 720 } });
        const { page } = tracked;
        try {
          const response = await page.goto(site.url(builtPage.path), { waitUntil: 'load' });
          expect(response?.status()).toBe(200);
          await expect(page.locator('main').count()).resolves.toBe(1);
          expect(await idsInPage(page), 'ids after the scripts ran').toEqual(readPageFacts(builtPage.file).ids);
          const traditional = script === 'hant';
          const links = traditional && !isNotFoundPage(builtPage.path) ? await internalLinks(page, site.origin) : [];
          if (traditional && !isSearchPage(builtPage.path)) await readingWithoutJavaScript(site, builtPage.path, await mainText(page));

          expect(await axeLightAndDark(page), 'axe').toEqual({ light: [], dark: [] });
          await page.emulateMedia({ colorScheme: 'light' });
          if (traditional) expect(await tabStopProblems(page, TAB_STOPS), 'Tab stops').toEqual([]);

          const results = await searchFromHeader(page, QUERY[builtPage.script]);
          expect(results.length, 'the search box found nothing').toBeGreaterThan(0);
          if (builtPage.path === '' || builtPage.path === 'zh-hans/') {
            expect(await axeLightAndDark(page), 'axe with the search results open').toEqual({ light: [], dark: [] });
          }
          expect(tracked.problemList(), 'reading and searching').toEqual([]);

          expect(await followInternalLinks(page, links, FRAGMENT_LINKS), 'following links').toEqual([]);
          expect(tracked.problemList(), 'following links').toEqual([]);
        } finally {
          await tracked.close();
        }
      });
    }
  });
}
