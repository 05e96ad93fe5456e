// A keyboard-only walk, in both scripts: the skip link, the main navigation, the search box
// ("/" focuses it, arrows move, Enter opens, Escape closes) and the script switch. That every Tab
// stop of every page of the sweep shows a focus indicator nothing covers is checked by the page
// sweep (sweep.ts), on the same load as its other checks.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { focusState } from './focus.ts';
import type { FocusState } from './focus.ts';
import { useSite } from './harness.ts';

const site = useSite();

/** Presses Tab (or Shift+Tab) until `wanted` holds, checking every stop on the way; fails after `limit` stops. */
async function tabUntil(page: Page, wanted: (state: FocusState) => boolean, limit = 60, key = 'Tab'): Promise<FocusState> {
  const seen: string[] = [];
  for (let stop = 0; stop < limit; stop += 1) {
    await page.keyboard.press(key);
    const state = await focusState(page);
    expect(state.visibility, `focus stop ${stop + 1} (<${state.tag}> "${state.text}")`).toBeNull();
    seen.push(`<${state.tag}> ${state.href ?? ''} ${state.text}`);
    if (wanted(state)) return state;
  }
  throw new Error(`not reached within ${limit} Tab stops; focus went through:\n${seen.join('\n')}`);
}

for (const prefix of ['', 'zh-hans/']) {
  describe(`keyboard only, ${prefix ? 'Simplified' : 'Traditional'}`, () => {
    test('the first Tab stop is a visible skip link that moves focus to main', async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        await page.goto(site.url(`${prefix}article/`));
        const mainId = await page.locator('main').getAttribute('id');
        expect(mainId, 'main has no id for the skip link').toBeTruthy();
        const first = await tabUntil(page, () => true, 1);
        expect(first.href).toBe(`#${mainId}`);
        await page.keyboard.press('Enter');
        const afterSkip = await page.evaluate(() => document.activeElement?.closest('main') !== null);
        expect(afterSkip, 'focus did not move into main').toBe(true);
        const next = await tabUntil(page, () => true, 1);
        expect(next.inMain, `the Tab after the skip link went to <${next.tag}> outside main`).toBe(true);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });

    test('the main navigation is reachable and opens its pages', async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        await page.goto(site.url(prefix));
        await tabUntil(page, (state) => state.inNav && (state.href ?? '').endsWith('timeline/'));
        await page.keyboard.press('Enter');
        await page.waitForURL(site.url(`${prefix}timeline/`));
        await tabUntil(page, (state) => state.inNav && (state.href ?? '').endsWith('people/'));
        await page.keyboard.press('Enter');
        await page.waitForURL(site.url(`${prefix}people/`));
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });

    test('Tab meets the whole navigation, 機構 included, before the script switch', async () => {
      const tracked = await site.newPage({ viewport: { width: 360, height: 800 } });
      const { page } = tracked;
      try {
        await page.goto(site.url(`${prefix}people/`));
        const order: string[] = [];
        const last = await tabUntil(page, (state) => {
          order.push(state.isScriptSwitch ? 'switch' : state.inNav ? (state.href ?? '') : '');
          return state.isScriptSwitch;
        });
        expect(last.isScriptSwitch).toBe(true);
        const navigation = order.filter((entry) => entry !== '' && entry !== 'switch');
        expect(navigation).toHaveLength(7);
        expect(navigation).toContain(`${site.base}${prefix}organizations/`);
        // Two tidy rows at 360 px: four links, then three, none alone.
        const rows = await page.$$eval('header nav li', (items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
        const perRow = [...new Set(rows)].map((top) => rows.filter((row) => row === top).length);
        expect(perRow).toEqual([4, 3]);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });

    test('the copy button says it copied, and announces it', async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        await tracked.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
        await page.goto(site.url(`${prefix}article/#p-3`));
        const button = page.locator('#p-3 copy-link button');
        await button.click();
        await expect.poll(() => button.textContent()).toBe(prefix ? '已复制' : '已複製');
        await expect.poll(() => page.locator('[role=status].visually-hidden').last().textContent()).toBe(prefix ? '已复制链接' : '已複製連結');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(site.url(`${prefix}article/#p-3`));
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });

    test('"/" focuses the search box; arrows, Enter and Escape work', async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        await page.goto(site.url(`${prefix}timeline/`));
        await page.keyboard.press('/');
        expect((await focusState(page)).isSearchInput, '"/" did not focus the search box').toBe(true);
        await page.keyboard.type(prefix ? '离职' : '離職');
        const options = page.locator('site-search [role=option]');
        await options.first().waitFor({ state: 'visible', timeout: 30_000 });
        // The result count is announced to screen readers.
        await expect.poll(() => page.locator('site-search [role=status]').innerText(), { timeout: 10_000 }).not.toBe('');

        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('site-search .site-search-panel').isVisible(), { timeout: 5_000 }).toBe(false);

        await page.keyboard.press('ArrowDown');
        await options.first().waitFor({ state: 'visible', timeout: 10_000 });
        await expect.poll(() => page.locator('site-search [role=option][aria-selected=true]').count(), { timeout: 5_000 }).toBe(1);
        const chosen = await page.locator('site-search [role=option][aria-selected=true]').evaluate((option) => {
          const link = option.matches('a[href]') ? option : option.querySelector('a[href]');
          return (link as HTMLAnchorElement | null)?.href ?? '';
        });
        expect(chosen).toContain(site.url(prefix));
        await page.keyboard.press('Enter');
        await page.waitForURL(chosen);
        const hash = new URL(chosen).hash;
        if (hash) {
          const id = decodeURIComponent(hash.slice(1));
          await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id ?? null)).toBe(id);
        }
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });

    test('the script switch is reachable and keeps the place', async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      try {
        await page.goto(site.url(`${prefix}article/#p-3`));
        // Keyboard focus starts at the opened paragraph; the switch is back up in the header.
        await tabUntil(page, (state) => state.isScriptSwitch, 60, 'Shift+Tab');
        await page.keyboard.press('Enter');
        const twin = prefix ? 'article/#p-3' : 'zh-hans/article/#p-3';
        await page.waitForURL(site.url(twin));
        expect(await page.evaluate(() => document.querySelector(':target')?.id ?? null)).toBe('p-3');
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  });
}
