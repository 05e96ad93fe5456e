// With JavaScript turned off, links (navigation, the script switch) work, and the search page
// says plainly that it needs JavaScript. That every other page shows its main text without
// JavaScript is checked in pages.test.ts, which loads each page with JavaScript anyway.
import { describe, expect, test } from 'vitest';
import { isNotFoundPage, isSearchPage } from '../../scripts/lib/built-pages.ts';
import { mainText, useSite } from './harness.ts';

const site = useSite();

describe('without JavaScript, links navigate', () => {
  const samples = site.pages.filter((p) => !isSearchPage(p.path) && !isNotFoundPage(p.path)).slice(0, 6);
  for (const builtPage of samples) {
    test(`from ${builtPage.path || '(home)'}: main navigation and the script switch`, async () => {
      const tracked = await site.newPage({ javaScriptEnabled: false });
      const { page } = tracked;
      try {
        await page.goto(site.url(builtPage.path));
        const navLinks = await page.locator('header nav a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
        expect(navLinks.length).toBeGreaterThan(0);
        const target = navLinks[navLinks.length - 1] ?? '';
        await page.locator(`header nav a[href]`).last().click();
        await page.waitForURL(target);
        expect((await mainText(page)).length).toBeGreaterThan(0);

        await page.goto(site.url(builtPage.path));
        await page.locator('a[data-script-switch]').click();
        await page.waitForURL(site.url(builtPage.twin));
        expect((await mainText(page)).length).toBeGreaterThan(0);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }
});

describe('the search page without JavaScript', () => {
  for (const builtPage of site.pages.filter((p) => isSearchPage(p.path))) {
    test(`${builtPage.path} says plainly that search needs JavaScript`, async () => {
      const tracked = await site.newPage({ javaScriptEnabled: false });
      try {
        await tracked.page.goto(site.url(`${builtPage.path}?q=Meta`));
        expect(await mainText(tracked.page)).toMatch(/JavaScript/);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
    test(`${builtPage.path} hides that notice when JavaScript runs`, async () => {
      const tracked = await site.newPage();
      try {
        await tracked.page.goto(site.url(`${builtPage.path}?q=Meta`));
        // Once the page's script has answered the query, it has had its chance to hide the notice.
        await tracked.page.waitForFunction(() => document.querySelector('search-page')?.getAttribute('data-search-done') === 'Meta', undefined, { timeout: 30_000 });
        expect(await mainText(tracked.page)).not.toMatch(/需要\s*JavaScript|需要啟用|需要启用/);
      } finally {
        await tracked.close();
      }
    });
  }
  test('both scripts have a search page', () => {
    expect(site.pages.filter((p) => isSearchPage(p.path)).map((p) => p.path)).toEqual(['search/', 'zh-hans/search/']);
  });
});
