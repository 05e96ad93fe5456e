import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { ConfigData } from 'html-validate';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { toSimplified } from '../../src/lib/twin/convert.ts';
import {
  addMovedIds,
  checkRedirectEntries,
  headingOf,
  parseAliases,
  planRedirects,
  redirectProblems,
  RedirectsError,
  renderRedirectPage,
  twinPlace,
  WORDING,
} from '../../scripts/lib/redirects.ts';
import type { Alias, LivePage, LivePages } from '../../scripts/lib/redirects.ts';

const page = (contentIds: string[], heading = '頁', chromeIds: string[] = ['site-header']): LivePage => ({
  ids: [...chromeIds, ...contentIds],
  contentIds,
  heading,
});

/** A site with an article (both scripts) and a timeline page. */
const live: LivePages = {
  'article/': page(['main', 'p-1', 'p-13'], '文章標題'),
  'zh-hans/article/': page(['main', 'p-1', 'p-13'], '文章标题'),
  'timeline/': page(['main', 'e-1'], '時間線'),
  'zh-hans/timeline/': page(['main', 'e-1'], '时间线'),
};

/** Each move declared in both scripts, as the site requires. */
const bothScripts = (...aliases: Alias[]): Alias[] => aliases.flatMap((alias) => [alias, { from: twinPlace(alias.from), to: twinPlace(alias.to) }]);

const site = { origin: 'https://example.org', base: '/sub/' };

describe('parseAliases', () => {
  it('reads a list of { from, to } and an empty file as none', () => {
    expect(parseAliases('- from: reading/\n  to: article/#p-1\n', 'r.yaml')).toEqual([{ from: 'reading/', to: 'article/#p-1' }]);
    expect(parseAliases('[]\n', 'r.yaml')).toEqual([]);
    expect(parseAliases('', 'r.yaml')).toEqual([]);
  });

  it('names the entry and field of a place that is not a page path, and says what would be right', () => {
    expect(() => parseAliases('from: a/\nto: b/\n', 'r.yaml')).toThrow('r.yaml: expected a YAML list of { from, to } entries');
    expect(() => parseAliases('- from: reading\n  to: article/\n', 'r.yaml')).toThrow(
      'r.yaml: entry 1, field "from": "reading" is not a page path: page paths end with "/", as in "reading/"',
    );
    expect(() => parseAliases('- from: a/\n  to: article#p-1\n', 'r.yaml')).toThrow('as in "article/#p-1"');
    expect(() => parseAliases('- from: ../etc/\n  to: article/\n', 'r.yaml')).toThrow('entry 1, field "from": "../etc/" has an empty, "." or ".." segment');
    expect(() => parseAliases('- from: a//b/\n  to: article/\n', 'r.yaml')).toThrow('has an empty, "." or ".." segment');
    expect(() => parseAliases('- from: "a b/"\n  to: article/\n', 'r.yaml')).toThrow('contains white space');
    expect(() => parseAliases('- from: a/\n  to: "article/#"\n', 'r.yaml')).toThrow('entry 1, field "to": "article/#" ends in an empty fragment');
    expect(() => parseAliases('- from: a/?x=1\n  to: article/\n', 'r.yaml')).toThrow('has a query string');
  });
});

describe('checkRedirectEntries (before Astro runs)', () => {
  const yamlOf = (aliases: Alias[]): string => aliases.map((alias) => `- from: ${JSON.stringify(alias.from)}\n  to: ${JSON.stringify(alias.to)}\n`).join('');
  const problemsOf = (source: string): string[] => {
    try {
      checkRedirectEntries(source, 'content/redirects.yaml');
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(RedirectsError);
      const [head, ...lines] = (error as Error).message.split('\n  ');
      expect(head).toBe('content/redirects.yaml cannot be made real:');
      return lines;
    }
  };

  it('accepts moves declared in both scripts, and no file', () => {
    expect(problemsOf(yamlOf(bothScripts({ from: 'reading/', to: 'article/' }, { from: 'article/#p-12', to: 'article/#p-13' })))).toEqual([]);
    expect(problemsOf('')).toEqual([]);
  });

  it('names every entry that leaves the site or is not a plain page path, all at once', () => {
    const source = yamlOf([
      { from: 'a/', to: 'https://evil.example/' },
      { from: 'b/', to: 'javascript:alert(1)' },
      { from: 'c/', to: '//evil.example/people/' },
      { from: 'd/', to: '\\evil.example/people/' },
      { from: 'e/', to: '%5Cevil.example%2F..%2Fpeople/' },
      { from: 'f/', to: 'people/\u0000/' },
    ]);
    expect(problemsOf(source)).toEqual([
      'content/redirects.yaml: entry 1, field "to": "https://evil.example/" is an absolute URL ("https:"); an entry names a page path of this site, below the base, such as "article/" (a move never leaves the site)',
      'content/redirects.yaml: entry 2, field "to": "javascript:alert(1)" is an absolute URL ("javascript:"); an entry names a page path of this site, below the base, such as "article/" (a move never leaves the site)',
      'content/redirects.yaml: entry 3, field "to": "//evil.example/people/" starts with "//", which browsers read as another host; an entry names a page path of this site below the base, such as "article/"',
      'content/redirects.yaml: entry 4, field "to": "\\\\evil.example/people/" contains a backslash, which browsers read as "/" (and "\\\\host" as another host); write the page path with "/" only',
      'content/redirects.yaml: entry 5, field "to": "%5Cevil.example%2F..%2Fpeople/" contains "%": write the page path as it reads, not percent-encoded',
      'content/redirects.yaml: entry 6, field "to": "people/\\u0000/" contains white space or a control character, which no URL or id of the site has',
    ]);
  });

  it('finds moves onto themselves, twice, in a chain, in a loop and in one script only, before any page is built', () => {
    const source = yamlOf([
      ...bothScripts({ from: 'same/', to: 'same/' }),
      ...bothScripts({ from: 'x/', to: 'y/' }, { from: 'y/', to: 'x/' }),
      ...bothScripts({ from: 'old/', to: 'mid/' }, { from: 'mid/', to: 'article/' }),
      { from: 'only-here/', to: 'article/' },
      { from: 'only-here/', to: 'timeline/' },
    ]);
    expect(problemsOf(source)).toEqual([
      'content/redirects.yaml, entry 1 ("same/" → "same/"): moves a place onto itself; remove the entry',
      'content/redirects.yaml, entry 2 ("zh-hans/same/" → "zh-hans/same/"): moves a place onto itself; remove the entry',
      'content/redirects.yaml, entry 3 ("x/" → "y/"): the entries form a loop ("x/" → "y/" → "x/"); point each moved place to a page or id the site publishes',
      'content/redirects.yaml, entry 4 ("zh-hans/x/" → "zh-hans/y/"): the entries form a loop ("zh-hans/x/" → "zh-hans/y/" → "zh-hans/x/"); point each moved place to a page or id the site publishes',
      'content/redirects.yaml, entry 5 ("y/" → "x/"): the entries form a loop ("y/" → "x/" → "y/"); point each moved place to a page or id the site publishes',
      'content/redirects.yaml, entry 6 ("zh-hans/y/" → "zh-hans/x/"): the entries form a loop ("zh-hans/y/" → "zh-hans/x/" → "zh-hans/y/"); point each moved place to a page or id the site publishes',
      'content/redirects.yaml, entry 7 ("old/" → "mid/"): "mid/" has itself moved (entry 9: "mid/" → "article/"); chains are not followed, so point this entry straight to the final place',
      'content/redirects.yaml, entry 8 ("zh-hans/old/" → "zh-hans/mid/"): "zh-hans/mid/" has itself moved (entry 10: "zh-hans/mid/" → "zh-hans/article/"); chains are not followed, so point this entry straight to the final place',
      'content/redirects.yaml, entry 11 ("only-here/" → "article/"): the same place in the other script, "zh-hans/only-here/", has no entry; add "- from: zh-hans/only-here/" with "to: zh-hans/article/" (every page is published in both scripts)',
      'content/redirects.yaml, entry 12 ("only-here/" → "timeline/"): "only-here/" is already moved by entry 11; keep one of the two',
    ]);
  });

  it('reports a YAML file that does not parse, or expands too far, by its name', () => {
    expect(problemsOf('- from: "a/\n')[0]).toMatch(/^content\/redirects\.yaml: is not valid YAML \(.*\); write a list of "- from: …" \/ "  to: …" entries$/);
    const laughs = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(problemsOf(laughs)[0]).toMatch(/^content\/redirects\.yaml: is not valid YAML \(/);
  });
});

describe('redirectProblems', () => {
  it('accepts page and fragment moves declared in both scripts', () => {
    const aliases = bothScripts(
      { from: 'reading/', to: 'article/' },
      { from: 'reading/#p-7', to: 'timeline/#e-1' },
      { from: 'article/#p-12', to: 'article/#p-13' },
      { from: 'article/#summary', to: 'timeline/' },
    );
    expect(redirectProblems(aliases, live)).toEqual([]);
  });

  it('refuses an entry whose old place is still published, naming the file, the entry and the way out', () => {
    expect(redirectProblems(bothScripts({ from: 'timeline/', to: 'article/' }), live)).toEqual([
      'content/redirects.yaml, entry 1 ("timeline/" → "article/"): the page "timeline/" is still published; an entry is for a place that is gone, so remove the entry or remove the place',
      'content/redirects.yaml, entry 2 ("zh-hans/timeline/" → "zh-hans/article/"): the page "zh-hans/timeline/" is still published; an entry is for a place that is gone, so remove the entry or remove the place',
    ]);
    // Ids of the page chrome count too: giving one back would make it a duplicate.
    expect(redirectProblems(bothScripts({ from: 'article/#site-header', to: 'article/#p-1' }), live)[0]).toBe(
      'content/redirects.yaml, entry 1 ("article/#site-header" → "article/#p-1"): "article/" still has an element with the id "site-header"; an entry is for a place that is gone, so remove the entry or remove the place',
    );
  });

  it('refuses a target that does not exist, or exists only outside the content', () => {
    const problems = redirectProblems(bothScripts({ from: 'reading/', to: 'articles/' }, { from: 'article/#p-12', to: 'article/#site-header' }), live);
    expect(problems).toContain(
      'content/redirects.yaml, entry 1 ("reading/" → "articles/"): "reading/" points to "articles/", which does not exist (no page "articles/" is built); point it to a page or id the site publishes now',
    );
    expect(problems).toContain(
      'content/redirects.yaml, entry 3 ("article/#p-12" → "article/#site-header"): "article/#p-12" points to "article/#site-header", which does not exist (the content of "article/" has no element with the id "site-header"); point it to a page or id the site publishes now',
    );
  });

  it('refuses a move onto itself and a place declared twice', () => {
    expect(redirectProblems([{ from: 'article/#p-13', to: 'article/#p-13' }], live)).toEqual([
      'content/redirects.yaml, entry 1 ("article/#p-13" → "article/#p-13"): moves a place onto itself; remove the entry',
    ]);
    const twice = redirectProblems(bothScripts({ from: 'reading/', to: 'article/' }).concat({ from: 'reading/', to: 'timeline/' }), live);
    expect(twice).toEqual(['content/redirects.yaml, entry 3 ("reading/" → "timeline/"): "reading/" is already moved by entry 1; keep one of the two']);
  });

  it('refuses chains, pointing to the entry the target moved with, and loops', () => {
    const chain = redirectProblems(bothScripts({ from: 'a/', to: 'b/' }, { from: 'b/', to: 'article/' }), live);
    expect(chain).toEqual([
      'content/redirects.yaml, entry 1 ("a/" → "b/"): "b/" has itself moved (entry 3: "b/" → "article/"); chains are not followed, so point this entry straight to the final place',
      'content/redirects.yaml, entry 2 ("zh-hans/a/" → "zh-hans/b/"): "zh-hans/b/" has itself moved (entry 4: "zh-hans/b/" → "zh-hans/article/"); chains are not followed, so point this entry straight to the final place',
    ]);
    // A fragment of a page that moved has moved with it.
    const viaPage = redirectProblems(bothScripts({ from: 'article/#p-12', to: 'b/#x' }, { from: 'b/', to: 'article/' }), live);
    expect(viaPage[0]).toContain('"b/#x" has itself moved (entry 3: "b/" → "article/")');
    const loop = redirectProblems(bothScripts({ from: 'a/', to: 'b/' }, { from: 'b/', to: 'a/' }), live);
    expect(loop.filter((line) => line.includes('has itself moved'))).toHaveLength(4);
  });

  it('asks for an entry for a vanished page whose fragments moved, and for the twin of every move', () => {
    expect(redirectProblems(bothScripts({ from: 'reading/#p-7', to: 'article/#p-1' }), live)).toEqual([
      'content/redirects.yaml, entry 1 ("reading/#p-7" → "article/#p-1"): the page "reading/" is gone too, and has no entry of its own; add one saying where "reading/" went',
      'content/redirects.yaml, entry 2 ("zh-hans/reading/#p-7" → "zh-hans/article/#p-1"): the page "zh-hans/reading/" is gone too, and has no entry of its own; add one saying where "zh-hans/reading/" went',
    ]);
    expect(redirectProblems([{ from: 'article/#p-12', to: 'article/#p-13' }], live)).toEqual([
      'content/redirects.yaml, entry 1 ("article/#p-12" → "article/#p-13"): the same place in the other script, "zh-hans/article/#p-12", has no entry; add "- from: zh-hans/article/#p-12" with "to: zh-hans/article/#p-13" (every page is published in both scripts)',
    ]);
  });
});

describe('planRedirects', () => {
  const aliases = bothScripts(
    { from: 'reading/', to: 'article/#p-13' },
    { from: 'reading/#p-7', to: 'timeline/#e-1' },
    { from: 'article/#p-12', to: 'article/#p-13' },
    { from: 'article/#summary', to: 'timeline/' },
  );
  const plan = planRedirects(aliases, live, site);

  it('writes a redirect page for each moved page, in the script of its target', () => {
    expect(plan.pages.map((redirect) => redirect.path)).toEqual(['reading/', 'zh-hans/reading/']);
    const [traditional, simplified] = plan.pages.map((redirect) => redirect.html);
    expect(traditional).toContain('<html lang="zh-Hant">');
    expect(traditional).toContain('<meta name="robots" content="noindex">');
    expect(traditional).toContain('<link rel="canonical" href="https://example.org/sub/article/">');
    expect(traditional).toContain('<meta http-equiv="refresh" content="0; url=/sub/article/#p-13">');
    expect(traditional).toContain('本頁已移至「<a href="/sub/article/#p-13">文章標題 #p-13</a>」');
    // Its fragments that moved elsewhere keep their ids, each linking onward.
    expect(traditional).toContain('<li id="p-7">#p-7 → <a href="/sub/timeline/#e-1">時間線 #e-1</a></li>');
    expect(simplified).toContain('<html lang="zh-Hans">');
    expect(simplified).toContain('<title>页面已移动</title>');
    expect(simplified).toContain('<link rel="canonical" href="https://example.org/sub/zh-hans/article/">');
    expect(simplified).toContain('本页已移至「<a href="/sub/zh-hans/article/#p-13">文章标题 #p-13</a>」');
  });

  it('gives moved ids back to published pages: beside the new id on the same page, as a note when it left the page', () => {
    expect(plan.movedIds).toEqual({
      'article/': [
        { entry: 5, id: 'p-12', kind: 'anchor', beside: 'p-13' },
        { entry: 7, id: 'summary', kind: 'pointer', lang: 'zh-Hant', href: '/sub/timeline/', label: '時間線', carry: false },
      ],
      'zh-hans/article/': [
        { entry: 6, id: 'p-12', kind: 'anchor', beside: 'p-13' },
        { entry: 8, id: 'summary', kind: 'pointer', lang: 'zh-Hans', href: '/sub/zh-hans/timeline/', label: '时间线', carry: false },
      ],
    });
  });

  it('lists page moves for hosts with HTTP redirects, under the base and percent-encoded', () => {
    expect(plan.hostRules?.split('\n').slice(1)).toEqual(['/sub/reading/ /sub/article/#p-13 301', '/sub/zh-hans/reading/ /sub/zh-hans/article/#p-13 301', '']);
    const chinese = planRedirects(bothScripts({ from: '舊頁/', to: 'article/' }), live, { ...site, base: '/' });
    expect(chinese.hostRules).toContain('/%E8%88%8A%E9%A0%81/ /article/ 301');
    expect(planRedirects(bothScripts({ from: 'article/#p-12', to: 'article/#p-13' }), live, site).hostRules).toBeNull();
  });

  it('throws every problem at once', () => {
    const attempt = (): unknown => planRedirects([{ from: 'timeline/', to: 'nowhere/' }], live, site);
    expect(attempt).toThrow(RedirectsError);
    expect(attempt).toThrow(/content\/redirects\.yaml cannot be made real:\n {2}.*still published.*\n {2}.*does not exist.*\n {2}.*has no entry/);
  });
});

describe('renderRedirectPage', () => {
  const config = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const hostile = '"><script>alert(1)</script>';

  it('is valid HTML by the project rules', async () => {
    const plan = planRedirects(bothScripts({ from: 'reading/', to: 'article/' }, { from: 'reading/#p-7', to: 'timeline/#e-1' }), live, site);
    for (const { html } of plan.pages) {
      const report = await validator.validateString(html);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
    }
  });

  it('keeps markup from the YAML and from page headings as text', () => {
    const html = renderRedirectPage({
      lang: 'zh-Hant',
      canonical: `https://example.org/${hostile}`,
      href: `/a/#${hostile}`,
      label: `<b onmouseover=alert(1)>標題</b>`,
      places: [{ id: hostile, href: `/b/#${hostile}`, label: hostile }],
    });
    const tags: string[] = [];
    const ids: string[] = [];
    const scripts: string[] = [];
    visit(fromHtml(html), 'element', (element: Element) => {
      tags.push(element.tagName);
      if (element.properties.id !== undefined) ids.push(String(element.properties.id));
      if (element.tagName === 'script') scripts.push(toString(element));
    });
    // The one script is the page's own fragment carrier, with nothing from the YAML in it.
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toContain('alert');
    expect(tags).not.toContain('b');
    expect(ids).toEqual([hostile]);
  });

  it('carries the fragment with one script, the same on every redirect page (one CSP hash)', () => {
    const plan = planRedirects(bothScripts({ from: 'reading/', to: 'article/' }, { from: 'reading/#p-7', to: 'timeline/#e-1' }), live, site);
    const scriptOf = (html: string): string => /<script>([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(plan.pages.length).toBe(2);
    expect(new Set(plan.pages.map(({ html }) => scriptOf(html))).size).toBe(1);
    expect(scriptOf(plan.pages[0]!.html)).toContain('location.replace(');
  });
});

describe('addMovedIds', () => {
  const article = [
    '<!DOCTYPE html><html lang="zh-Hant"><head><meta charset="utf-8"><title>文</title></head><body>',
    '<header id="site-header">站</header>',
    '<main id="main"><div><p id="p-13" title="a > b">段</p></div>',
    '<ol><li id="e-1">事</li></ol>',
    '<table><tbody><tr id="row-1"><td>格</td></tr></tbody></table>',
    '<svg><title id="chart-title">圖</title></svg>',
    '</main></body></html>',
  ].join('');

  it('puts an empty element with the old id right before the new one where its parent allows', () => {
    const html = addMovedIds(article, [{ entry: 1, id: 'p-12', kind: 'anchor', beside: 'p-13' }], 'article/');
    expect(html).toContain('<div><span id="p-12" data-moved-id data-pagefind-ignore></span><p id="p-13" title="a > b">');
  });

  it('goes inside a list item or the first cell of a row, where a <span> may not stand beside it', () => {
    const html = addMovedIds(
      article,
      [
        { entry: 1, id: 'e-0', kind: 'anchor', beside: 'e-1' },
        { entry: 2, id: 'row-0', kind: 'anchor', beside: 'row-1' },
      ],
      'article/',
    );
    expect(html).toContain('<li id="e-1"><span id="e-0" data-moved-id data-pagefind-ignore></span>事</li>');
    expect(html).toContain('<tr id="row-1"><td><span id="row-0" data-moved-id data-pagefind-ignore></span>格</td>');
  });

  it('goes to the top of <main> when the target is the page itself, keeping the entries in order', () => {
    const html = addMovedIds(
      article,
      [
        { entry: 1, id: 'old-a', kind: 'anchor', beside: null },
        { entry: 2, id: 'old-b', kind: 'anchor', beside: null },
      ],
      'article/',
    );
    expect(html).toContain('<main id="main"><span id="old-a" data-moved-id data-pagefind-ignore></span><span id="old-b" data-moved-id data-pagefind-ignore></span><div>');
  });

  it('takes a reader on with JavaScript only from the notes of carried moves (those the build derives), with one script after them', () => {
    const carried = addMovedIds(
      article,
      [
        { entry: 1, id: 'event-a', kind: 'pointer', lang: 'zh-Hant', href: '/timeline/2023/#event-a', label: '2023年', carry: true },
        { entry: 2, id: 'event-b', kind: 'pointer', lang: 'zh-Hant', href: '/timeline/2021/#event-b', label: '2021年', carry: true },
      ],
      'timeline/',
    );
    expect(carried).toMatch(/<main id="main"><p id="event-a" data-moved-place data-carry [^]*<\/p><p id="event-b" data-moved-place data-carry [^]*<\/p><script>\{[^<]*data-carry[^<]*location\.replace[^<]*\}<\/script><div>/);
    expect(carried.match(/<script>/g)).toHaveLength(1);
    const declared = addMovedIds(article, [{ entry: 1, id: 'old', kind: 'pointer', lang: 'zh-Hant', href: '/timeline/', label: '時間線', carry: false }], 'article/');
    expect(declared).not.toContain('<script>');
    expect(declared).not.toContain('data-carry');
  });

  it('refuses a target inside a drawing, naming the entry', () => {
    expect(() => addMovedIds(article, [{ entry: 4, id: 'old', kind: 'anchor', beside: 'chart-title' }], 'article/')).toThrow(
      'content/redirects.yaml, entry 4: cannot give "article/#old" back: "#chart-title" is inside an SVG or MathML drawing; point the entry to the element around it',
    );
  });

  it('adds a note for an id that left the page, shown only as the :target, kept out of search', () => {
    const html = addMovedIds(
      article,
      [{ entry: 1, id: 'summary"<', kind: 'pointer', lang: 'zh-Hant', href: '/timeline/?a=1&b=2', label: '時間線 <i>', carry: false }],
      'article/',
    );
    expect(html).toContain(
      '<main id="main"><p id="summary&quot;&lt;" data-moved-place data-pagefind-ignore>你要找的內容已移至「<a href="/timeline/?a=1&amp;b=2">時間線 &lt;i&gt;</a>」。</p>',
    );
    // The page's stylesheet hides it (src/styles/global.css): no inline style, no CSP hash for one.
    expect(html).toContain('<title>文</title></head>');
  });
});

describe('wording and helpers', () => {
  it('writes Simplified as the site converts the Traditional', () => {
    const { 'zh-Hant': traditional, 'zh-Hans': simplified } = WORDING;
    expect(JSON.parse(toSimplified(JSON.stringify(traditional)))).toEqual(simplified);
  });

  it('names a page by its <h1>, else its <title>', () => {
    expect(headingOf('<html><head><title>站｜頁</title></head><body><main><h1> 頁 \n 名 </h1></main></body></html>')).toBe('頁 名');
    expect(headingOf('<html><head><title>站｜頁</title></head><body></body></html>')).toBe('站｜頁');
  });

  it('finds the same place in the other script', () => {
    expect(twinPlace('article/#p-1')).toBe('zh-hans/article/#p-1');
    expect(twinPlace('zh-hans/')).toBe('');
    expect(twinPlace('')).toBe('zh-hans/');
  });
});
