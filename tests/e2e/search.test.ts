// Search in a real browser, in both scripts: a representative part of the query set
// (tests/search-queries.yaml) through the header search box, the search page with its
// filters, results that land on their fragment, and an index loaded only on first use.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openTrackedPage, useSite } from './harness.ts';
import { loadQueries, placeOf, searchInBox } from '../../scripts/lib/search-queries.ts';
import type { QueryRun } from '../../scripts/lib/search-queries.ts';

const site = useSite();

/** One or more queries of each kind the set covers, on both sites. */
const SAMPLE: Array<[string, QueryRun['site']]> = [
  ['Timothee', 'trad'],
  ['lacroix', 'simp'],
  ['Pineau', 'trad'],
  ['小扎', 'simp'],
  ['祖克柏', 'trad'],
  ['楊立昆', 'simp'],
  ['扎克伯格', 'trad'],
  ['離職', 'trad'],
  ['离职', 'trad'],
  ['離職', 'simp'],
  ['算力之爭', 'simp'],
  ['生成式AI團隊', 'trad'],
  ['2023年2月', 'trad'],
  ['2月', 'simp'],
  ['2022年5月', 'trad'],
  ['Mistral', 'simp'],
  ['蘋果', 'trad'],
  ['Helsing', 'trad'],
  ['離婚', 'trad'],
  ['比特幣', 'simp'],
  ['2019年3月', 'trad'],
  ['Joulin 蘋果', 'trad'],
  ['Joulin 蘋果', 'simp'],
  ['楊立昆 Pineau', 'trad'],
  ['Lecun離開', 'simp'],
  ['Joulin 特斯拉', 'trad'],
];

const runs = loadQueries(process.cwd());

describe('queries from the query set, in the header search box', () => {
  for (const siteName of ['trad', 'simp'] as const) {
    const sample = SAMPLE.filter(([, s]) => s === siteName).map(([q]) => {
      const run = runs.find((candidate) => candidate.q === q && candidate.site === siteName);
      if (!run) throw new Error(`"${q}" (${siteName}) is not in the query set`);
      return run;
    });
    test(`${siteName === 'trad' ? 'Traditional' : 'Simplified'} site: each query reaches its place in the first three, or finds nothing`, async () => {
      const tracked = await site.newPage();
      try {
        const prefix = siteName === 'simp' ? 'zh-hans/' : '';
        await tracked.page.goto(site.url(prefix));
        const failures: string[] = [];
        for (const run of sample) {
          const { places } = await searchInBox(tracked.page, run.q, site.url());
          const ok = run.expect.length === 0 ? places.length === 0 : places.slice(0, 3).some((place) => run.expect.includes(place));
          if (!ok) failures.push(`"${run.q}": expected ${run.expect.length === 0 ? 'nothing' : `one of ${run.expect.join(', ')}`}, got ${places.slice(0, 3).join(', ') || 'nothing'}`);
        }
        expect(failures).toEqual([]);
        // Results link into the page's own script.
        const hrefs = await tracked.page.$$eval('site-search [role=option]', (options) => options.map((option) => (option as HTMLAnchorElement).pathname));
        for (const href of hrefs) expect(href.startsWith(`${new URL(site.url()).pathname}${prefix}`)).toBe(true);
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }
});

describe('loading', () => {
  test('no search index or search code beyond the small entry is fetched until the box is used', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(site.url('article/'));
      await page.waitForLoadState('networkidle');
      expect(fetched.filter((path) => path.includes('/pagefind/'))).toEqual([]);
      await page.locator('site-search input[type=search]').focus();
      await expect.poll(() => fetched.some((path) => path.endsWith('/pagefind/pagefind.js')), { timeout: 20_000 }).toBe(true);
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

describe('results in the reader’s script', () => {
  test('a Traditional query on the Simplified site shows Simplified results, the match marked', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url('zh-hans/'));
      const { places } = await searchInBox(page, '離職', site.url());
      expect(places.length).toBeGreaterThan(0);
      const marks = await page.$$eval('site-search [role=option] mark', (elements) => elements.map((element) => element.textContent));
      expect(marks).toContain('离职');
      expect(marks).not.toContain('離職');
      const kinds = await page.$$eval('site-search .search-kind', (elements) => elements.map((element) => element.textContent));
      expect(kinds.every((kind) => kind && kind.length > 0)).toBe(true);
    } finally {
      await tracked.close();
    }
  });
});

describe('the search page', () => {
  test('takes its query from the URL and lists results with kind, title, marked excerpt and a link to the fragment', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url(`search/?q=${encodeURIComponent('離職')}`));
      await page.waitForFunction(() => document.querySelector('search-page')?.getAttribute('data-search-done') === '離職', undefined, { timeout: 30_000 });
      expect(await page.locator('#search-page-input').inputValue()).toBe('離職');
      const results = page.locator('[data-search-results] li');
      expect(await results.count()).toBeGreaterThan(3);
      const first = results.first();
      expect(await first.locator('.search-kind').innerText()).not.toBe('');
      expect(await first.locator('.search-title').innerText()).not.toBe('');
      expect(await first.locator('mark').first().innerText()).toBe('離職');
      // Passages carry annotation badges (〔新智元・推論〕); excerpts show the article's words only.
      const excerpts = await page.locator('[data-search-results] .search-excerpt').allInnerTexts();
      expect(excerpts.length).toBeGreaterThan(3);
      expect(excerpts.filter((excerpt) => /[〔〕]/.test(excerpt))).toEqual([]);
      expect(await page.locator('search-page [data-search-status]').innerText()).toMatch(/\d/);
      // Results say which article they come from, and the page filters by article, only when there are several.
      const several = site.pages.filter((built) => /^(article|articles\/[^/]+)\/$/.test(built.path)).length > 1;
      expect(await page.locator('[data-search-results] .search-source').count() > 0, 'results name their article').toBe(several);
      expect(await page.locator('input[type=checkbox][name=article]').count() > 0, 'article filter').toBe(several);
      // The first result lands on its fragment.
      const href = await first.locator('a').getAttribute('href');
      expect(href).toMatch(/#/);
      await first.locator('a').click();
      await page.waitForURL((url) => url.hash !== '');
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
      await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id ?? null)).toBe(id);
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('filters by kind and by side of the dispute, and keeps them in the URL', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url(`zh-hans/search/?q=${encodeURIComponent('2023年2月')}&kind=event`));
      await page.waitForFunction(() => document.querySelector('search-page')?.getAttribute('data-search-done') === '2023年2月', undefined, { timeout: 30_000 });
      const places = (await page.$$eval('[data-search-results] a', (links) => links.map((link) => (link as HTMLAnchorElement).href))).map((href) => placeOf(href, site.url()));
      expect(places.length).toBeGreaterThan(0);
      expect(places.every((place) => place.startsWith('timeline/#event-'))).toBe(true);
      expect(await page.locator('input[name=kind][value=event]').isChecked()).toBe(true);

      await page.locator('input[name=kind][value=event]').uncheck();
      await page.locator('input[name=side][value=opt]').check();
      await page.waitForFunction(() => document.querySelector('search-page')?.getAttribute('data-search-scope') === '|opt', undefined, { timeout: 30_000 });
      expect(new URL(page.url()).searchParams.getAll('side')).toEqual(['opt']);
      expect(new URL(page.url()).searchParams.has('kind')).toBe(false);
      const sidePlaces = (await page.$$eval('[data-search-results] a', (links) => links.map((link) => (link as HTMLAnchorElement).href))).map((href) => placeOf(href, site.url()));
      // The OPT team's larger model (July 2022 to February 2023) is on that side; the Paris
      // team's LLaMA release is not.
      expect(sidePlaces).toContain('timeline/#event-opt-larger-model-started');
      expect(sidePlaces).not.toContain('timeline/#event-llama-released');
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

/** What the box shows for each result: its link, title, excerpt and marked words. */
async function shownResults(page: Page): Promise<Array<{ place: string; title: string; excerpt: string; marks: string[] }>> {
  const shown = await page.$$eval('#site-search-listbox [role=option]', (options) =>
    options.map((option) => ({
      href: (option as HTMLAnchorElement).href,
      title: option.querySelector('.search-title')?.textContent ?? '',
      excerpt: option.querySelector('.search-excerpt')?.textContent ?? '',
      marks: [...option.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
    })),
  );
  return shown.map(({ href, ...rest }) => ({ place: placeOf(href, site.url()), ...rest }));
}

describe('what each result is', () => {
  test('a person’s page and their index entry are one result (Zuckerberg, Pineau); no two results show the same thing', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url());
      for (const [query, person] of [
        ['Zuckerberg', 'mark-zuckerberg'],
        ['Pineau', 'joelle-pineau'],
        ['Lample', 'guillaume-lample'],
      ] as const) {
        await searchInBox(page, query, site.url());
        const results = await shownResults(page);
        const own = results.filter(({ place }) => place === `people/${person}/` || place === `people/#person-${person}`);
        expect(own.map(({ place }) => place), query).toEqual([`people/${person}/`]);
        const shown = results.map(({ title, excerpt }) => `${title}\n${excerpt}`);
        expect(new Set(shown).size, query).toBe(shown.length);
      }
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('the three roles in the compute dispute each name their party', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url());
      await searchInBox(page, '算力分配中的角色', site.url());
      const roles = (await shownResults(page)).filter(({ place }) => /#dispute-(llama|opt|leadership)$/.test(place));
      expect(roles.map(({ place, title }) => [place, title]).sort()).toEqual([
        ['organizations/llama-team/#dispute-llama', 'LLaMA團隊：算力分配中的角色'],
        ['organizations/meta-ai/#dispute-leadership', 'Meta AI：算力分配中的角色'],
        ['organizations/opt-team/#dispute-opt', 'OPT團隊：算力分配中的角色'],
      ]);
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('a common word of a name never matches alone: every result for "Mistral" shows Mistral', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url());
      await searchInBox(page, 'Mistral', site.url());
      const results = await shownResults(page);
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter(({ marks }) => !marks.some((mark) => /mistral/i.test(mark))).map(({ place }) => place)).toEqual([]);
      expect(results.flatMap(({ marks }) => marks).filter((mark) => /^ai$/i.test(mark.trim()))).toEqual([]);
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('every word of a query is marked in the result that holds them all', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url());
      await searchInBox(page, 'Joulin 蘋果', site.url());
      const event = (await shownResults(page)).find(({ place }) => place === 'timeline/#event-joulin-leaves');
      expect(event?.marks).toEqual(['Armand Joulin', '蘋果']);
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('excerpts start at a word, never inside one, and mark no lone letter', async () => {
    const tracked = await site.newPage();
    const { page } = tracked;
    try {
      await page.goto(site.url());
      for (const query of ['Meta', 'Timothee', '離職潮', 'Lacroix', '風光', 'Facebook']) {
        await searchInBox(page, query, site.url());
        const results = await shownResults(page);
        expect(results.length, query).toBeGreaterThan(0);
        // "…ta風光之際", "…imothée": a Latin word cut at its start shows as a lower-case letter after the ellipsis.
        expect(results.filter(({ excerpt }) => /^…[a-zà-ÿ]/.test(excerpt)).map(({ excerpt }) => excerpt), query).toEqual([]);
        expect(results.flatMap(({ marks }) => marks).filter((mark) => /^[\p{Script=Latin}\p{Nd}]$/u.test(mark.trim())), query).toEqual([]);
      }
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

describe('the search box at 360 px', () => {
  test('has a placeholder, and the link to all results stays in view below the results', async () => {
    const tracked = await site.newPage({ viewport: { width: 360, height: 640 } });
    const { page } = tracked;
    try {
      for (const prefix of ['', 'zh-hans/']) {
        await page.goto(site.url(prefix));
        expect(await page.locator('site-search input[type=search]').getAttribute('placeholder')).toMatch(/\S/);
        await searchInBox(page, prefix ? '离职' : '離職', site.url());
        expect(await page.locator('#site-search-listbox [role=option]').count()).toBeGreaterThan(4);
        const link = page.locator('site-search .site-search-more a');
        const box = await link.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.y + box!.height).toBeLessThanOrEqual(640);
        // Nothing covers it, the list scrolls above it.
        const onTop = await link.evaluate((element) => {
          const rect = element.getBoundingClientRect();
          return element.contains(document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2));
        });
        expect(onTop).toBe(true);
      }
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

describe('typing', () => {
  test('no "nothing found" for the partial queries while "2023年2月" is typed', async () => {
    // A clock the test moves: each keystroke comes 100 ms after the one before, however busy the machine.
    const tracked = await openTrackedPage(site.browser, site.origin, {});
    const { page } = tracked;
    try {
      await page.clock.install({ time: new Date('2026-01-01T00:00:00Z') });
      await page.goto(site.url());
      // Pagefind waits on timers while it starts: it is started before the clock stops.
      const input = page.locator('#site-search-input');
      await searchInBox(page, 'Meta', site.url());
      await input.fill('');
      await page.clock.pauseAt(new Date('2026-01-01T01:00:00Z'));
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { shownTexts: string[] }).shownTexts = seen;
        const form = document.querySelector('site-search form')!;
        new MutationObserver(() => {
          for (const element of form.querySelectorAll('[role=status], .site-search-empty')) seen.push(element.textContent ?? '');
        }).observe(form, { subtree: true, childList: true, characterData: true });
      });
      const typed = [...'2023年2月'];
      for (let length = 1; length <= typed.length; length++) {
        await page.keyboard.type(typed[length - 1]!);
        await page.clock.runFor(100);
        // The engine has answered this much of the query before the next key comes.
        await expect.poll(() => page.locator('site-search').getAttribute('data-search-answered'), { timeout: 20_000 }).toBe(typed.slice(0, length).join(''));
      }
      await expect.poll(() => page.locator('site-search').getAttribute('data-search-done'), { timeout: 20_000 }).toBe('2023年2月');
      const shown = await page.evaluate(() => (window as unknown as { shownTexts: string[] }).shownTexts);
      expect(shown.filter((text) => text.includes('沒有找到'))).toEqual([]);
      expect(await page.locator('#site-search-listbox [role=option]').count()).toBeGreaterThan(0);
      // A query that finds nothing says so once the reader stops typing.
      await input.fill('2019年3月');
      await expect.poll(() => page.locator('site-search').getAttribute('data-search-answered'), { timeout: 20_000 }).toBe('2019年3月');
      expect(await page.locator('site-search .site-search-empty').isVisible()).toBe(false);
      await page.clock.runFor(1_000);
      await expect.poll(() => page.locator('site-search .site-search-empty').innerText(), { timeout: 20_000 }).toContain('沒有找到');
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

describe('back to the search page', () => {
  test('restores the results and where the reader had scrolled', async () => {
    const tracked = await site.newPage({ viewport: { width: 360, height: 640 } });
    const { page } = tracked;
    try {
      await page.goto(site.url(`search/?q=${encodeURIComponent('離職')}`));
      await page.waitForFunction(() => document.querySelector('search-page')?.getAttribute('data-search-done') === '離職', undefined, { timeout: 30_000 });
      const results = page.locator('[data-search-results] a');
      expect(await results.count()).toBeGreaterThan(12);
      const chosen = results.nth(12);
      await chosen.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(scrolled).toBeGreaterThan(600);
      const href = await chosen.evaluate((link) => (link as HTMLAnchorElement).href);
      await chosen.click();
      await page.waitForURL(href);
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('search-page')?.getAttribute('data-search-done') === '離職', undefined, { timeout: 30_000 });
      expect(await page.locator('#search-page-input').inputValue()).toBe('離職');
      await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBe(scrolled);
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});
