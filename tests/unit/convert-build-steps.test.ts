/**
 * The two build steps over a small built site in a temporary directory: every page gets a
 * twin at zh-hans/<same path>, and the sitemap lists both scripts with their alternates.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSimplifiedTwins } from '../../scripts/build/simplified.ts';
import { writeSitemap } from '../../scripts/build/sitemap.ts';
import { pagePathOfRelative } from '../../scripts/lib/built-pages.ts';

const ORIGIN = 'https://meta-ai-llama.example.org';

function builtPage(base: string, path: string, body: string, noindex = false): string {
  const head = noindex
    ? '<meta name="robots" content="noindex">'
    : `<link rel="canonical" href="${ORIGIN}${base}${path}">`;
  return `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>頁面</title>${head}</head><body><a href="${base}zh-hans/${path}" hreflang="zh-Hans" lang="zh-Hans" data-script-switch>简体中文</a><main>${body}</main></body></html>`;
}

function writeSite(dir: string, base: string): void {
  const files: Record<string, string> = {
    'index.html': builtPage(base, '', '<p id="p-1">過去6個月</p>'),
    'article/index.html': builtPage(base, 'article/', `<h2 id="2月巨變">2月巨變</h2><a href="${base}people/">人物</a>`),
    'people/joelle-pineau/index.html': builtPage(base, 'people/joelle-pineau/', '<p>喬爾·皮諾</p>'),
    '404.html': builtPage(base, '404.html', '<p>找不到頁面</p>', true),
    '_astro/page.js': 'console.log("後")',
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}

describe('pagePathOfRelative', () => {
  it('maps built files to URL paths below the base', () => {
    expect(pagePathOfRelative('index.html')).toBe('');
    expect(pagePathOfRelative('people/x/index.html')).toBe('people/x/');
    expect(pagePathOfRelative('404.html')).toBe('404.html');
  });
});

describe.each(['/', '/sub/'])('writeSimplifiedTwins and writeSitemap with base %s', (base) => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twins-'));
    writeSite(dir, base);
    await writeSimplifiedTwins(dir, base);
    await writeSitemap(dir, ORIGIN, base);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a twin for every page, 404.html included, and nothing else', () => {
    for (const file of ['index.html', 'article/index.html', 'people/joelle-pineau/index.html', '404.html']) {
      expect(existsSync(join(dir, 'zh-hans', file)), file).toBe(true);
    }
    expect(existsSync(join(dir, 'zh-hans', '_astro'))).toBe(false);
    expect(existsSync(join(dir, 'zh-hans', 'zh-hans'))).toBe(false);
  });

  it('converts the twins and keeps their ids', () => {
    const article = readFileSync(join(dir, 'zh-hans/article/index.html'), 'utf8');
    expect(article).toContain('<h2 id="2月巨變">2月巨变</h2>');
    expect(article).toContain(`href="${base}zh-hans/people/"`);
    expect(article).toContain('<html lang="zh-Hans">');
    // A 404 has no twin to land on: its switch leads to the other script's home.
    expect(readFileSync(join(dir, 'zh-hans/404.html'), 'utf8')).toContain(`<a href="${base}" hreflang="zh-Hant" lang="zh-Hant" data-script-switch>繁體中文</a>`);
  });

  it('is repeatable: a second run rewrites the same twins without nesting', async () => {
    const before = readFileSync(join(dir, 'zh-hans/index.html'), 'utf8');
    const result = await writeSimplifiedTwins(dir, base);
    expect(result.pages).toBe(4);
    expect(readFileSync(join(dir, 'zh-hans/index.html'), 'utf8')).toBe(before);
  });

  it('lists every indexable page in both scripts, with hreflang alternates', () => {
    const sitemap = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    const url = (path: string) => `${ORIGIN}${base}${path}`;
    expect(locs).toEqual([
      url('article/'), url('zh-hans/article/'),
      url(''), url('zh-hans/'),
      url('people/joelle-pineau/'), url('zh-hans/people/joelle-pineau/'),
    ]);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="zh-Hans" href="${url('zh-hans/article/')}"/>`);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="zh-Hant" href="${url('article/')}"/>`);
    expect(sitemap).not.toContain('404');
  });

  it('writes robots.txt pointing to the sitemap', () => {
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${ORIGIN}${base}sitemap.xml`);
  });
});
