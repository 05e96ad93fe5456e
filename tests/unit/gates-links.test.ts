import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, textDirectiveTerms } from '../../scripts/lib/link-check.ts';
import { listPages, pageFacts } from '../../scripts/lib/built-pages.ts';

const ORIGIN = 'https://example.org';
let dirs: string[] = [];

function page(base: string, path: string, body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="zh-Hant"><head><title>t</title><link rel="canonical" href="${ORIGIN}${base}${path}">${head}</head><body>${body}</body></html>`;
}

/** Writes a two-script site (every page gets a Simplified twin with the same body). */
function site(base: string, pages: Record<string, string>, extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'links-'));
  dirs.push(root);
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const locs: string[] = [];
  for (const [path, body] of Object.entries(pages)) {
    for (const prefix of ['', 'zh-hans/']) {
      const full = prefix + path;
      write(full.endsWith('.html') ? full : `${full}index.html`, page(base, full, body));
      if (!full.endsWith('404.html')) locs.push(`<url><loc>${ORIGIN}${base}${full}</loc></url>`);
    }
  }
  write('sitemap.xml', `<?xml version="1.0"?><urlset>${locs.join('')}</urlset>`);
  for (const [rel, text] of Object.entries(extra)) write(rel, text);
  return root;
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('checkLinks', () => {
  it('accepts a consistent site under a sub-path, with fragments, text fragments and external links', () => {
    const root = site('/sub/', {
      '': '<a href="/sub/article/#p-1">a</a><a href="article/#:~:text=Hello,world">t</a><a href="https://arxiv.org/abs/2302.13971">x</a><a href="mailto:a@b.c">m</a>',
      'article/': '<p id="p-1">Hello big world</p><a href="../">home</a><a href="#p-1">self</a>',
      '404.html': '<a href="/sub/">home</a>',
    });
    const result = checkLinks({ root, base: '/sub/' });
    expect(result.problems).toEqual([]);
    expect(result.pages).toBe(6);
    expect(result.fragments).toBeGreaterThanOrEqual(6);
  });

  it('names the page, the reference and what is wrong', () => {
    const root = site(
      '/sub/',
      {
        '': [
          '<a href="/article/">outside base</a>',
          '<a href="/sub/article/#p-9">missing id</a>',
          '<a href="/sub/article">no slash</a>',
          '<a href="/sub/nowhere/">missing page</a>',
          '<a href="#">empty</a>',
          '<a href="/sub/article/#:~:text=absent%20words">text</a>',
          '<img src="https://cdn.example.com/x.png" alt="">',
          '<p id="d">1</p><p id="d">2</p>',
        ].join(''),
        'article/': '<p id="p-1">Hello</p>',
      },
      { 'style.css': 'a{background:url(/sub/missing.png)}' },
    );
    const problems = checkLinks({ root, base: '/sub/' }).problems.filter((line) => !line.startsWith('zh-hans/'));
    expect(problems).toEqual([
      '(home): the id "d" is used more than once',
      '(home): a[href] "/article/" points outside the base path /sub/',
      '(home): a[href] "/sub/article/#p-9" has a fragment #p-9 that no element on article/ carries',
      '(home): a[href] "/sub/article" lacks the trailing slash of a directory URL (trailingSlash is "always")',
      '(home): a[href] "/sub/nowhere/" has no file at nowhere/',
      '(home): a[href] "#" has an empty fragment',
      '(home): a[href] "/sub/article/#:~:text=absent%20words" has a text fragment whose text is not on article/: "absent words"',
      '(home): img[src] "https://cdn.example.com/x.png" loads or declares https://cdn.example.com/x.png, on another origin',
      'style.css: url(/sub/missing.png) has no file at missing.png',
    ]);
  });

  it('requires twins, self-canonical URLs and a complete sitemap', () => {
    const root = site('/', { '': 'home', 'people/': 'people' });
    rmSync(join(root, 'zh-hans', 'people'), { recursive: true });
    writeFileSync(join(root, 'sitemap.xml'), `<urlset><url><loc>${ORIGIN}/</loc></url><url><loc>${ORIGIN}/gone/</loc></url></urlset>`);
    writeFileSync(join(root, 'people', 'index.html'), page('/', 'article/', 'people'));
    const problems = checkLinks({ root, base: '/' }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'people/: has no twin page in the other script (zh-hans/people/)',
        'people/: its canonical URL "https://example.org/article/" is not the page itself (/people/)',
        'people/: link[rel=canonical] "https://example.org/article/" has no file at article/',
        'sitemap.xml: "https://example.org/gone/" has no file at gone/',
        'sitemap.xml: does not list people/',
        'sitemap.xml: does not list zh-hans/',
      ]),
    );
  });
});

describe('text directives and page facts', () => {
  it('reads the start and end of a text directive, not its prefix and suffix', () => {
    expect(textDirectiveTerms('text=pre-,start,end,-suf')).toEqual(['start', 'end']);
    expect(textDirectiveTerms('text=%E9%9B%A2%E8%81%B7')).toEqual(['離職']);
  });

  it('collects ids, legacy anchors and references by kind', () => {
    const facts = pageFacts(
      '<html><head><link rel="stylesheet" href="/a.css"><link rel="alternate" hreflang="zh-Hans" href="/zh-hans/"></head><body><a name="old"></a><svg><a href="/x/"><text>x</text></a></svg><img srcset="/1.png 1x, /2.png 2x" alt=""></body></html>',
    );
    expect(facts.ids).toEqual(['old']);
    expect(facts.references.map((ref) => `${ref.kind} ${ref.source} ${ref.value}`)).toEqual([
      'resource link[rel=stylesheet] /a.css',
      'metadata link[rel=alternate] /zh-hans/',
      'navigation a[href] /x/',
      'resource img[srcset] /1.png',
      'resource img[srcset] /2.png',
    ]);
  });

  it('tells the content ids (main and inside it) from the page chrome', () => {
    const facts = pageFacts('<html><body><header><input id="q"></header><main id="main"><h2 id="s1">x</h2><p><span id="m-1">y</span></p></main><footer id="f"></footer></body></html>');
    expect(facts.ids).toEqual(['q', 'main', 's1', 'm-1', 'f']);
    expect(facts.contentIds).toEqual(['main', 's1', 'm-1']);
  });

  it('lists pages with their script and twin, skipping the search bundle', () => {
    const root = site('/', { '': 'home', 'people/x/': 'x' }, { 'pagefind/ui.html': '<p>not a page</p>' });
    expect(listPages(root).map((p) => `${p.path}|${p.script}|${p.twin}`)).toEqual([
      '|hant|zh-hans/',
      'people/x/|hant|zh-hans/people/x/',
      'zh-hans/|hans|',
      'zh-hans/people/x/|hans|people/x/',
    ]);
  });
});
