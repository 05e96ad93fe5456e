// Search in a real browser, in both scripts: a representative part of the query set
// (tests/search-queries.yaml) through the header search box, the search page with its
// filters, results that land on their fragment, and an index loaded only on first use.
import { describe, expect, test } from 'vitest';
import { useSite } from './harness.ts';
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
