// The pages of the browser sweep (every kind in both scripts and a seeded sample; all of them with
// E2E_FULL=1), in a real browser: each loads, and neither reading nor searching causes a console
// error, an uncaught exception, a CSP violation, a dialog, a failed request, or any request to
// another origin. Each but search reads as well with JavaScript off (compared here, where the page
// is loaded with JavaScript anyway; tests/site/nojs-text.test.ts checks every page from the HTML,
// nojs.test.ts has the rest). An organisation mentioned in the article and its page link to each other.
import { describe, expect, test } from 'vitest';
import { isSearchPage } from '../../scripts/lib/built-pages.ts';
import { describeSweep, mainText, searchFromHeader, useSite } from './harness.ts';

const site = useSite();

/** A query with hits in the article; written in the script of the page searched from. */
const QUERY = { hant: '離職', hans: '离职' } as const;

describe(`every page loads cleanly, reads without JavaScript and searches cleanly: ${describeSweep(site.pages.length, site.sweep.length)}`, () => {
  for (const builtPage of site.sweep) {
    test(builtPage.path || '(home)', async () => {
      const tracked = await site.newPage();
      try {
        const response = await tracked.page.goto(site.url(builtPage.path), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await expect(tracked.page.locator('main').count()).resolves.toBe(1);
        if (!isSearchPage(builtPage.path)) await expectSameReadingWithoutJavaScript(builtPage.path, await mainText(tracked.page));
        const results = await searchFromHeader(tracked.page, QUERY[builtPage.script]);
        expect(results.length, 'the search box found nothing').toBeGreaterThan(0);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }
});

/** With JavaScript off the page shows its main text; enhancements may add a few labels (copy-link buttons), no more. */
async function expectSameReadingWithoutJavaScript(path: string, full: string): Promise<void> {
  const withoutJs = await site.newPage({ javaScriptEnabled: false });
  try {
    await withoutJs.page.goto(site.url(path));
    const plain = await mainText(withoutJs.page);
    expect(plain.length, 'main has no text without JavaScript').toBeGreaterThan(0);
    expect(plain.length / full.length, 'text shown only with JavaScript').toBeGreaterThanOrEqual(0.9);
    expect(withoutJs.problemList()).toEqual([]);
  } finally {
    await withoutJs.close();
  }
}

describe('missing pages get the not-found page of their script', () => {
  for (const [path, lang] of [
    ['no-such-page/', 'zh-Hant'],
    ['zh-hans/no-such-page/', 'zh-Hans'],
  ] as const) {
    test(path, async () => {
      const tracked = await site.newPage();
      try {
        const response = await tracked.page.goto(site.url(path));
        expect(response?.status()).toBe(404);
        await expect(tracked.page.locator('html').getAttribute('lang')).resolves.toBe(lang);
        // Its links are absolute, so they work from any depth of missing URL.
        const home = tracked.page.locator('main a[href]').first();
        await home.click();
        await tracked.page.waitForLoadState('load');
        expect(new URL(tracked.page.url()).pathname.startsWith(new URL(site.url()).pathname)).toBe(true);
        await expect(tracked.page.locator('main').count()).resolves.toBe(1);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }
});

describe('an organisation mentioned in the article and its page point at each other', () => {
  for (const prefix of ['', 'zh-hans/']) {
    test(`${prefix}article/ ↔ ${prefix}organizations/helsing/`, async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        await page.goto(site.url(`${prefix}article/`));
        // The mention keeps its published id and links to the organisation's page in the same script.
        const mention = page.locator('main a.mention-org#mention-helsing-1');
        await mention.click();
        await page.waitForURL(site.url(`${prefix}organizations/helsing/`));
        await expect(page.locator('h1#org-helsing').count()).resolves.toBe(1);
        // The page lists the mention and links back to its place in the article.
        const back = page.locator('section[aria-labelledby="mentions"] a[href$="article/#mention-helsing-1"]');
        await back.click();
        await page.waitForURL(site.url(`${prefix}article/#mention-helsing-1`));
        await expect(page.evaluate(() => document.querySelector(':target')?.id)).resolves.toBe('mention-helsing-1');
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }
});
