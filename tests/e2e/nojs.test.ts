// With JavaScript turned off, every page but search still reads and navigates: the main text is
// all there, and links (navigation, the script switch) work. The search page says plainly that it
// needs JavaScript.
import { describe, expect, test } from 'vitest';
import { isNotFoundPage } from '../../scripts/lib/built-pages.ts';
import { mainText, useSite } from './harness.ts';

const site = useSite();
const isSearchPage = (path: string): boolean => /(^|\/)search\/$/.test(path);

describe('without JavaScript, every page reads as with it', () => {
  for (const builtPage of site.pages.filter((p) => !isSearchPage(p.path))) {
    test(builtPage.path || '(home)', async () => {
      const withJs = await site.newPage();
      const withoutJs = await site.newPage({ javaScriptEnabled: false });
      try {
        await withJs.page.goto(site.url(builtPage.path));
        await withoutJs.page.goto(site.url(builtPage.path));
        const full = await mainText(withJs.page);
        const plain = await mainText(withoutJs.page);
        expect(plain.length, 'main has no text without JavaScript').toBeGreaterThan(0);
        // Enhancements may add a few labels (copy-link buttons); the reading itself must not depend on scripts.
        expect(plain.length / full.length, 'text shown only with JavaScript').toBeGreaterThanOrEqual(0.9);
        expect(withoutJs.problemList()).toEqual([]);
      } finally {
        await withJs.close();
        await withoutJs.close();
      }
    });
  }
});

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
        await tracked.page.waitForLoadState('networkidle');
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
