// A second article, added to a copy of the project as a maintainer would (the follow-up report of
// tests/fixtures/second-article/), builds into a site where it has its own page in both scripts,
// everything it introduces links to that page, and /article/ is still the first article.
//
// One build of the copy serves every assertion. It took 40–70 s on the 2-core machine while
// others were building too; the limit of 10 minutes leaves room for a heavily loaded machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { ConfigData } from 'html-validate';
import { sha256Source } from '../../scripts/build/csp.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { readFragments } from '../../scripts/lib/pagefind-bundle.ts';
import { copyProject } from '../../scripts/lib/project-copy.ts';
import { placesOfRecord } from '../../src/lib/search/grouping.ts';
import { buildEnvironment } from '../e2e/harness.ts';
import { addSecondArticle, SECOND_ARTICLE } from '../fixtures/second-article/apply.ts';

const BUILD_TIMEOUT_MS = 600_000;
const base = '/';
let project = '';
let outDir = '';

const page = (path: string): string => readFileSync(join(outDir, path, 'index.html'), 'utf8');

/** Each element with its ancestors, document order. */
function elements(html: string): { element: Element; ancestors: Element[] }[] {
  const found: { element: Element; ancestors: Element[] }[] = [];
  const walk = (node: Root | Element, ancestors: Element[]): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      found.push({ element: child, ancestors });
      walk(child, [...ancestors, child]);
    }
  };
  walk(fromHtml(html), []);
  return found;
}

/** The links of the list entry (or section, or navigation) that holds the element with `id`. */
function linksOfEntry(html: string, id: string): string[] {
  const all = elements(html);
  const target = all.find(({ element }) => element.properties.id === id);
  if (!target) throw new Error(`no element with id "${id}"`);
  const entry = [...target.ancestors].reverse().find((ancestor) => ['li', 'section', 'nav'].includes(ancestor.tagName));
  if (!entry) throw new Error(`the element "${id}" is in no list entry or section`);
  return all.filter(({ element, ancestors }) => element.tagName === 'a' && ancestors.includes(entry)).map(({ element }) => String(element.properties.href));
}

const idsOf = (html: string): Set<string> => new Set(elements(html).flatMap(({ element }) => (element.properties.id ? [String(element.properties.id)] : [])));

beforeAll(() => {
  project = copyProject(process.cwd(), 'archive-build-');
  addSecondArticle(project);
  outDir = join(project, 'site');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: project,
    env: buildEnvironment({ SITE_OUT_DIR: outDir, SITE_BASE: base }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status}):\n${`${result.stdout}\n${result.stderr}`.slice(-4000)}`);
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('a second article in the archive', () => {
  test('has its own page in both scripts, with its JSON-LD and a sitemap entry', () => {
    for (const path of [`articles/${SECOND_ARTICLE}/`, `zh-hans/articles/${SECOND_ARTICLE}/`]) expect(existsSync(join(outDir, path, 'index.html')), path).toBe(true);
    const html = page(`articles/${SECOND_ARTICLE}/`);
    expect(html).toContain(`<article data-article="${SECOND_ARTICLE}">`);
    expect(html).toMatch(/"@type":"NewsArticle"/);
    expect(html).toContain(`/articles/${SECOND_ARTICLE}/"`);
    expect(readFileSync(join(outDir, 'sitemap.xml'), 'utf8')).toContain(`/articles/${SECOND_ARTICLE}/</loc>`);
  });

  test('/article/ is still the first article, and the navigation and home page present it', () => {
    expect(page('article/')).toContain('<article data-article="meta-ai-llama">');
    const home = page('');
    expect(home).toMatch(/<a href="\/article\/"[^>]*>文章<\/a>/);
    expect(page('method/')).toContain('href="/article/#corrections"');
  });

  test('its events and claims link to its own page', () => {
    const own = `/articles/${SECOND_ARTICLE}/`;
    const timeline = page('timeline/');
    for (const event of ['mistral-7b-released', 'mixtral-released', 'mistral-series-a']) {
      expect(linksOfEntry(timeline, `event-${event}`)).toContain(`${own}#event-${event}`);
    }
    const claims = page(`claims/${SECOND_ARTICLE}/`);
    for (const claim of ['followup-left-meta', 'followup-five-authors-left', 'followup-mistral-founded-may', 'followup-investor-growth']) {
      expect(linksOfEntry(claims, `claim-${claim}`)).toContain(`${own}#claim-${claim}`);
    }
    // And the first article's stay on the first article's page.
    expect(linksOfEntry(timeline, 'event-mistral-founded')).toContain('/article/#event-mistral-founded');
  });

  test('mentions on a person page link to the place in the article that names them', () => {
    const lample = page('people/guillaume-lample/');
    const hrefs = elements(lample)
      .filter(({ element }) => element.tagName === 'a' && String(element.properties.href).includes('#mention-guillaume-lample-'))
      .map(({ element }) => String(element.properties.href));
    const inSecond = hrefs.filter((href) => href.startsWith(`/articles/${SECOND_ARTICLE}/#`));
    const inFirst = hrefs.filter((href) => href.startsWith('/article/#'));
    expect(inSecond.length).toBeGreaterThan(0);
    expect(inFirst.length).toBeGreaterThan(0);
    const secondIds = idsOf(page(`articles/${SECOND_ARTICLE}/`));
    for (const href of inSecond) expect(secondIds.has(href.split('#')[1]!), href).toBe(true);
    // The mark in the article links back to the person.
    expect(page(`articles/${SECOND_ARTICLE}/`)).toMatch(/<a class="mention" id="mention-guillaume-lample-1" href="\/people\/guillaume-lample\/"/);
  });

  test('the home page lists both stories, newest first, with outlet, date and summary, and the archive figures', () => {
    const home = page('');
    const all = elements(home);
    const stories = all.find(({ element }) => element.properties.className?.toString() === 'stories');
    expect(stories).toBeDefined();
    const links = all
      .filter(({ element, ancestors }) => element.tagName === 'a' && ancestors.includes(stories!.element))
      .map(({ element }) => String(element.properties.href));
    expect(links).toEqual([`/articles/${SECOND_ARTICLE}/`, '/article/']);
    expect(home).toContain('新智元・2023年12月');
    expect(home).toMatch(/全部 2 篇文章合計：點名 \d+ 人/);
  });

  test('"articles/" lists every article by year, newest first, each with its claims page, in both scripts; the home page links to it', () => {
    expect(page('')).toContain('按年份列在<a href="/articles/">文章列表</a>');
    for (const [list, prefix] of [['articles/', ''], ['zh-hans/articles/', 'zh-hans/']] as const) {
      const html = page(list);
      expect(html).toMatch(/<h2 id="articles-2023">2023年（2 篇）<\/h2>/);
      const all = elements(html);
      const listed = all.find(({ element }) => element.tagName === 'ol' && element.properties.className?.toString() === 'stories');
      expect(listed, list).toBeDefined();
      const links = all
        .filter(({ element, ancestors }) => element.tagName === 'a' && ancestors.includes(listed!.element))
        .map(({ element }) => String(element.properties.href));
      expect(links).toEqual([`/${prefix}articles/${SECOND_ARTICLE}/`, `/${prefix}claims/${SECOND_ARTICLE}/`, `/${prefix}article/`, `/${prefix}claims/`]);
    }
  });

  test('a person page groups the mentions by article, each linking to its own article', () => {
    const lample = page('people/guillaume-lample/');
    for (const [article, place] of [[SECOND_ARTICLE, `/articles/${SECOND_ARTICLE}/`], ['meta-ai-llama', '/article/']] as const) {
      const links = linksOfEntry(lample, `mentions-${article}`);
      expect(links).toContain(place);
    }
    const headings = elements(lample).filter(({ element }) => element.tagName === 'h3' && String(element.properties.id).startsWith('mentions-'));
    expect(headings.map(({ element }) => element.properties.id)).toEqual([`mentions-${SECOND_ARTICLE}`, 'mentions-meta-ai-llama']);
  });

  test("the follow-up's claims have a page of their own in both scripts, linked from claims/, which keeps only the first article's", () => {
    for (const path of [`claims/${SECOND_ARTICLE}/`, `zh-hans/claims/${SECOND_ARTICLE}/`]) expect(existsSync(join(outDir, path, 'index.html')), path).toBe(true);
    const first = page('claims/');
    const own = page(`claims/${SECOND_ARTICLE}/`);
    expect(idsOf(first).has('claim-followup-left-meta')).toBe(false);
    expect(idsOf(first).has('claim-mistral-cofounded')).toBe(true);
    for (const claim of ['followup-left-meta', 'followup-five-authors-left', 'followup-mistral-founded-may', 'followup-open-weights', 'followup-lacroix-architecture', 'followup-investor-growth']) {
      expect(idsOf(own).has(`claim-${claim}`), claim).toBe(true);
    }
    // claims/ names the other article's page with its date and count; that page leads back, and the article leads to it.
    expect(linksOfEntry(first, 'other-articles')).toContain(`/claims/${SECOND_ARTICLE}/`);
    expect(first).toMatch(new RegExp(`href="/claims/${SECOND_ARTICLE}/">[^<]+</a>〉<span class="meta"><time datetime="[^"]+">[^<]+</time><span>說法 6 則</span></span>`));
    expect(linksOfEntry(own, 'other-articles')).toContain('/claims/');
    expect(page(`articles/${SECOND_ARTICLE}/`)).toContain(`href="/claims/${SECOND_ARTICLE}/">本文的說法（6 則）</a>`);
    expect(page(`zh-hans/claims/${SECOND_ARTICLE}/`)).toContain(`href="/zh-hans/claims/"`);
    // Every claim links to its own article's claims page, in the article too.
    expect(page(`articles/${SECOND_ARTICLE}/`)).toContain(`href="/claims/${SECOND_ARTICLE}/#claim-followup-left-meta"`);
    expect(page('people/guillaume-lample/')).toContain(`href="/claims/${SECOND_ARTICLE}/#claim-followup-open-weights"`);
  });

  test('claims filter by source and kind on each article\'s page, and the timeline by article and lane, without JavaScript', () => {
    const claims = page('claims/');
    for (const id of ['filter-source-xinzhiyuan', 'filter-kind-opinion']) expect(idsOf(claims).has(id), id).toBe(true);
    expect(idsOf(claims).has(`filter-article-${SECOND_ARTICLE}`)).toBe(false);
    const own = page(`claims/${SECOND_ARTICLE}/`);
    for (const id of ['filter-source-xinzhiyuan', 'filter-source-guillaume-lample', 'filter-kind-opinion', 'filter-kind-fact']) expect(idsOf(own).has(id), id).toBe(true);
    expect(own).toContain('main:has(#filter-source-guillaume-lample:checked) .entries > li:not([data-filter-source~="guillaume-lample"]){display:none}');
    expect(own).toMatch(/data-filter-source="xinzhiyuan" data-filter-kind="fact"><h3 id="claim-followup-left-meta"/);
    const timeline = page('timeline/');
    for (const id of [`filter-article-${SECOND_ARTICLE}`, 'filter-lane-outside', 'filter-lane-llama']) expect(idsOf(timeline).has(id), id).toBe(true);
  });

  test('the timeline shows both accounts of an event the articles date differently, with their sources', () => {
    const timeline = page('timeline/');
    const links = linksOfEntry(timeline, 'accounts-mistral-founded');
    expect(links).toEqual(expect.arrayContaining(['/article/', '/claims/#claim-mistral-cofounded', `/articles/${SECOND_ARTICLE}/`, `/claims/${SECOND_ARTICLE}/#claim-followup-mistral-founded-may`, `/articles/${SECOND_ARTICLE}/#claim-followup-mistral-founded-may`]));
    const entry = timeline.slice(timeline.indexOf('id="accounts-mistral-founded"'));
    expect(entry.slice(0, entry.indexOf('</section>'))).toMatch(/2023年6月[\s\S]*2023年5月/);
    expect(timeline).toMatch(/data-filter-article="meta-ai-llama followup" data-filter-lane="outside"><h3 id="event-mistral-founded"/);
  });

  test('a count the articles disagree on shows both claims side by side: in each claim\'s entry and on the organisation\'s page', () => {
    const theirs = `/claims/${SECOND_ARTICLE}/#claim-followup-five-authors-left`;
    const first = '/claims/#claim-llama-authors-over-half-left';
    const pair = (html: string, heading: string): string[] => linksOfEntry(html, heading);
    for (const [html, heading] of [
      [page(`claims/${SECOND_ARTICLE}/`), 'disagreement-followup-five-authors-left-1'],
      [page('claims/'), 'disagreement-llama-authors-over-half-left-1'],
      [page('organizations/llama-team/'), 'disagreement-1'],
    ] as const) {
      expect(pair(html, heading), heading).toEqual(expect.arrayContaining([theirs, first, '/article/', `/articles/${SECOND_ARTICLE}/`]));
      const section = html.slice(html.indexOf(`id="${heading}"`));
      expect(section.slice(0, section.indexOf('</section>'))).toContain('各篇文章說的人數不一');
    }
    expect(idsOf(page('organizations/llama-team/')).has('disagreements')).toBe(true);
    expect(idsOf(page('organizations/mistral-ai/')).has('disagreements')).toBe(false);
  });

  test('each timeline event names the articles that report it, and the indexes count the articles', () => {
    const timeline = page('timeline/');
    const title = (html: string): string => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim() ?? '';
    const followupTitle = title(page(`articles/${SECOND_ARTICLE}/`));
    const firstTitle = title(page('article/'));
    expect(followupTitle).not.toBe('');
    const sourceLine = (id: string): string => {
      const entry = timeline.slice(timeline.indexOf(`id="${id}"`));
      return /<li>出自([\s\S]*?)<\/li>/.exec(entry.slice(0, entry.indexOf('</ul>')))?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    };
    expect(sourceLine('event-mixtral-released')).toBe(`〈${followupTitle}〉`);
    expect(sourceLine('event-mistral-founded')).toBe(`〈${firstTitle}〉、〈${followupTitle}〉`);
    expect(linksOfEntry(timeline, 'event-mixtral-released')).toContain(`/articles/${SECOND_ARTICLE}/`);
    expect(timeline).toContain('<p>2 篇文章提到的 ');
    expect(page('people/')).toContain('<p>2 篇文章點名的 ');
    expect(page('organizations/')).toContain('<p>2 篇文章提到的 ');
  });

  test('the pages that change with a second article are valid HTML, and the filters\' inline style is allowed by the CSP', async () => {
    const config = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    for (const path of ['', 'claims/', `claims/${SECOND_ARTICLE}/`, `zh-hans/claims/${SECOND_ARTICLE}/`, 'timeline/', 'people/guillaume-lample/', 'organizations/mistral-ai/', `articles/${SECOND_ARTICLE}/`, `zh-hans/timeline/`]) {
      const report = await validator.validateString(page(path), path || '(home)');
      const errors = report.results.flatMap((result) => result.messages.filter((message) => message.severity === 2).map((message) => `${path}: ${message.ruleId}: ${message.message}`));
      expect(errors, errors.join('\n')).toEqual([]);
    }
    for (const path of ['claims/', `claims/${SECOND_ARTICLE}/`, 'timeline/']) {
      const html = page(path);
      const style = /<style>([^<]*)<\/style>/.exec(html);
      expect(style, path).not.toBeNull();
      expect(html).toContain(sha256Source(style![1]!));
    }
  });

  test('every internal link and fragment of the site resolves', () => {
    const result = checkLinks({ root: outDir, base });
    expect(result.problems).toEqual([]);
  });

  test("search indexes the second article's paragraphs under an article filter", () => {
    const payloads = readdirSync(join(outDir, 'pagefind', 'filter')).map((file) => gunzipSync(readFileSync(join(outDir, 'pagefind', 'filter', file))).toString('latin1'));
    // Pagefind's filter files are CBOR: a text string is its length byte, then its characters.
    const articleFilters = payloads.filter((payload) => payload.includes('\x67article'));
    expect(articleFilters).toHaveLength(2);
    for (const payload of articleFilters) {
      expect(payload).toContain(`\x68${SECOND_ARTICLE}`);
      expect(payload).toContain('\x6dmeta-ai-llama');
    }
    // The paragraphs of the second article are places of their own, in both scripts.
    const places = new Map(readFragments(join(outDir, 'pagefind')).flatMap(placesOfRecord).map((place) => [place.url, place]));
    for (const prefix of ['', 'zh-hans/']) expect(places.get(`/${prefix}articles/${SECOND_ARTICLE}/#p-2`)?.article, prefix).toBe(SECOND_ARTICLE);
    // Its claims are found on their own page, under the article filter.
    for (const prefix of ['', 'zh-hans/']) {
      const claim = places.get(`/${prefix}claims/${SECOND_ARTICLE}/#claim-followup-left-meta`);
      expect(claim, prefix).toMatchObject({ kind: 'claim', article: SECOND_ARTICLE });
    }
  });
});
