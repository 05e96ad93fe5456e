/**
 * The script switch in a real browser keeps the reader's place both ways: with JavaScript it
 * carries the fragment, without it opens the twin's top. That the twin has the same ids is
 * checked from the files for every page (tests/site/permalinks.test.ts), and that scripts leave
 * the ids as the file has them, by the browser sweep (sweep.ts) on every page it visits.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './harness.ts';

const site = useSite();

const SWITCH = 'a[data-script-switch]';

/** The fragment a URL ends in, decoded (ids may hold Chinese characters). */
function fragmentOf(url: string): string {
  return decodeURIComponent(new URL(url).hash.slice(1));
}

async function targetId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.querySelector(':target')?.id);
}

async function isInViewport(page: Page, id: string): Promise<boolean> {
  return page.evaluate((targetIdValue) => {
    const element = document.getElementById(targetIdValue);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }, id);
}

async function clickSwitch(page: Page): Promise<void> {
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), page.locator(SWITCH).click()]);
  await page.waitForLoadState('load');
}

describe('the script switch keeps the place', () => {
  /** An id far down the article: the last paragraph anchor, and a section heading's id. */
  async function articleTargets(page: Page): Promise<{ paragraph: string; heading: string; early: string }> {
    await page.goto(site.url('article/'));
    const targets = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('main p[id^="p-"]')].map((element) => element.id);
      const heading = document.querySelector('main .body h2[id]')?.id;
      return { paragraph: paragraphs.at(-1), early: paragraphs[1], heading };
    });
    if (!targets.paragraph || !targets.early || !targets.heading) throw new Error(`article/ lacks paragraph or heading ids: ${JSON.stringify(targets)}`);
    return { paragraph: targets.paragraph, early: targets.early, heading: targets.heading };
  }

  it('with JavaScript: Traditional → Simplified → Traditional on the same fragment', async () => {
    const tab = await site.newPage();
    try {
      const { paragraph, heading } = await articleTargets(tab.page);
      for (const id of [paragraph, heading]) {
        await tab.page.goto(site.url(`article/#${encodeURIComponent(id)}`));
        await clickSwitch(tab.page);
        expect(new URL(tab.page.url()).pathname).toBe(`${site.base}zh-hans/article/`);
        expect(fragmentOf(tab.page.url())).toBe(id);
        expect(await targetId(tab.page)).toBe(id);
        expect(await isInViewport(tab.page, id)).toBe(true);

        await clickSwitch(tab.page);
        expect(new URL(tab.page.url()).pathname).toBe(`${site.base}article/`);
        expect(fragmentOf(tab.page.url())).toBe(id);
        expect(await targetId(tab.page)).toBe(id);
        expect(await isInViewport(tab.page, id)).toBe(true);
      }
      expect(tab.problemList()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('with JavaScript: follows a fragment changed after the page loaded', async () => {
    const tab = await site.newPage();
    try {
      const { early } = await articleTargets(tab.page);
      await tab.page.goto(site.url('zh-hans/article/'));
      await tab.page.evaluate((id) => {
        location.hash = id;
      }, early);
      await clickSwitch(tab.page);
      expect(new URL(tab.page.url()).pathname).toBe(`${site.base}article/`);
      expect(fragmentOf(tab.page.url())).toBe(early);
      expect(await targetId(tab.page)).toBe(early);
      expect(tab.problemList()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('with JavaScript, without a fragment: the twin opens where the reader was reading', async () => {
    const tab = await site.newPage({ viewport: { width: 360, height: 700 } });
    try {
      for (const [from, to] of [['article/', 'zh-hans/article/'], ['zh-hans/timeline/', 'timeline/']]) {
        await tab.page.goto(site.url(from!));
        // The reader reads halfway down, then scrolls back up to the switch in the header.
        const place = await tab.page.evaluate(async () => {
          const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
          const elements = [...document.querySelectorAll('main [id]')].filter((element) => element.getClientRects().length > 0);
          const element = elements[Math.floor(elements.length / 2)]!;
          element.scrollIntoView();
          scrollBy(0, -100);
          await frame();
          await frame();
          const top = element.getBoundingClientRect().top;
          scrollTo(0, 0);
          await frame();
          await frame();
          return { id: element.id, top };
        });
        await clickSwitch(tab.page);
        expect(tab.page.url()).toBe(site.url(to));
        const top = await tab.page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, place.id);
        expect(Math.abs(top - place.top), `${place.id} at ${top} px instead of ${place.top} px`).toBeLessThan(150);
        expect(await tab.page.evaluate(() => scrollY)).toBeGreaterThan(0);
      }
      expect(tab.problemList()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('an old section id (the Chinese heading text) still lands on its section in both scripts', async () => {
    const tab = await site.newPage();
    try {
      const { heading } = await articleTargets(tab.page);
      expect(heading).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      for (const prefix of ['', 'zh-hans/']) {
        await tab.page.goto(site.url(`${prefix}article/#${encodeURIComponent('llama論文14位作者一半離職')}`));
        expect(await targetId(tab.page)).toBe('llama論文14位作者一半離職');
        expect(await isInViewport(tab.page, 'llama-authors-left')).toBe(true);
      }
      expect(tab.problemList()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('on a missing page the switch leads to the other script\'s home, and back', async () => {
    const tab = await site.newPage();
    try {
      const switchPath = (): Promise<string> => tab.page.locator(SWITCH).evaluate((link) => (link as HTMLAnchorElement).pathname);
      await tab.page.goto(site.url('no-such-page/'));
      expect(await switchPath()).toBe(`${site.base}zh-hans/`);
      await tab.page.goto(site.url('zh-hans/no-such-page/'));
      expect(await switchPath()).toBe(site.base);
      await clickSwitch(tab.page);
      expect(tab.page.url()).toBe(site.url(''));
    } finally {
      await tab.close();
    }
  });

  it('without JavaScript: opens the top of the twin', async () => {
    const tab = await site.newPage({ javaScriptEnabled: false });
    try {
      await tab.page.goto(site.url('people/#main'));
      expect(await tab.page.locator(SWITCH).getAttribute('href')).toBe(`${site.base}zh-hans/people/`);
      await clickSwitch(tab.page);
      expect(tab.page.url()).toBe(site.url('zh-hans/people/'));
      expect(await tab.page.locator(SWITCH).getAttribute('href')).toBe(`${site.base}people/`);
      expect(await tab.page.locator(SWITCH).textContent()).toBe('繁體中文');
      expect(await tab.page.evaluate(() => window.scrollY)).toBe(0);
    } finally {
      await tab.close();
    }
  });
});

describe('the corrections log quotes the Traditional text as written on both twins', () => {
  it('every instance repair shows the same original and replacement strings', async () => {
    const tab = await site.newPage({ javaScriptEnabled: false });
    try {
      const quoted = async (): Promise<string[]> =>
        tab.page.evaluate(() =>
          [...document.querySelectorAll('li[id^="log-"]')].map((item) =>
            [item.id, item.querySelector('del')?.textContent ?? '', item.querySelector('ins')?.textContent ?? ''].join(' | '),
          ),
        );
      await tab.page.goto(site.url('article/'));
      const original = await quoted();
      expect(original.length).toBeGreaterThan(0);
      await tab.page.goto(site.url('zh-hans/article/'));
      expect(await quoted()).toEqual(original);
    } finally {
      await tab.close();
    }
  });
});

describe('the corrections log converts its notes and keeps quotations of the source', () => {
  it('a reason reads in Simplified script, its quoted debris as received', async () => {
    const tab = await site.newPage({ javaScriptEnabled: false });
    try {
      const reasonOf = async (path: string): Promise<{ text: string; quoted: string[] }> => {
        await tab.page.goto(site.url(path));
        return tab.page.$eval('#log-mojibake-yinwei small', (small) => ({
          text: small.textContent ?? '',
          quoted: [...small.querySelectorAll('samp')].map((span) => span.textContent ?? ''),
        }));
      };
      const original = await reasonOf('article/');
      const twin = await reasonOf('zh-hans/article/');
      expect(original.text).toContain('亂碼：問號');
      expect(twin.text).toContain('乱码：问号');
      expect(twin.quoted).toEqual(original.quoted);
      expect(twin.quoted).toEqual(expect.arrayContaining(['yàn', '闆']));
      // The class rules and the log's headings convert too.
      expect(await tab.page.$eval('#log-classes', (heading) => heading.textContent)).toContain('整类修正');
    } finally {
      await tab.close();
    }
  });
});

describe('readers download no conversion dictionary', () => {
  /** Every JavaScript file of the built site. */
  function scripts(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return scripts(full);
      return /\.m?js$/.test(entry.name) ? [full] : [];
    });
  }

  it('no script of the site holds opencc-js or its dictionary entries', () => {
    const files = scripts(site.root);
    expect(files.length).toBeGreaterThan(0);
    // Entries as opencc-js stores them ("後 后|徑 径"), and a message from its loader.
    const markers = ['與 与|', '後 后|', 'Invalid dictionary entry'];
    const offending = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return markers.some((marker) => text.includes(marker));
    });
    expect(offending).toEqual([]);
  });
});
