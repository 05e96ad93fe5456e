// Pages reached other than by their own URL: a missing URL gets the not-found page of its script,
// whose links work from any depth, and an organisation mentioned in the article and its page link
// to each other. Every page of the sweep is loaded, read and searched in sweep.ts.
import { describe, expect, test } from 'vitest';
import { useSite } from './harness.ts';

const site = useSite();

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
        const mention = page.locator('main a.mention#mention-helsing-1');
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
