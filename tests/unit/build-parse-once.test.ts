import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { applyCsp } from '../../scripts/build/csp.ts';
import { pageFacts, pageFactsOfTree } from '../../scripts/lib/built-pages.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { extractPlaces } from '../../src/lib/search/records.ts';

const page = (path: string, main: string, head = ''): string =>
  `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">${head}<title>頁</title>` +
  `<link rel="canonical" href="https://example.org/sub/${path}"><script>a()</script><style>p{color:red}</style></head>` +
  `<body><nav><a href="/sub/">首頁</a></nav><main data-pagefind-body>${main}</main></body></html>`;

/** The build parses each page once, in its CSP step; what later steps read from that parse must be what the written file says. */
describe('one parse per page', () => {
  it('gives the link check and the search index the same facts and places as the file written by the CSP step', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parse-once-'));
    try {
      await mkdir(join(dir, 'people', 'x'), { recursive: true });
      await writeFile(join(dir, 'index.html'), page('', '<h1>首頁</h1><p id="p-1">見<a href="/sub/people/x/#bio">某人</a></p>'));
      // A policy left from an earlier run is replaced, so the parse is of the page without it.
      await writeFile(
        join(dir, 'people', 'x', 'index.html'),
        page('people/x/', '<h1>某人</h1><h2 id="bio">生平</h2><p id="p-2">文字<a href="/sub/#p-1">回</a></p>', '<meta http-equiv="Content-Security-Policy" content="default-src *">'),
      );
      const trees = new Map<string, Root>();
      await applyCsp(dir, (file, tree) => trees.set(file, tree));
      expect([...trees.keys()].sort()).toEqual([join(dir, 'index.html'), join(dir, 'people', 'x', 'index.html')]);
      for (const [file, tree] of trees) {
        const written = await readFile(file, 'utf8');
        expect(written).toContain('http-equiv="Content-Security-Policy"');
        expect(pageFactsOfTree(tree)).toEqual(pageFacts(written));
        expect(extractPlaces(tree, '/sub/')).toEqual(extractPlaces(fromHtml(written), '/sub/'));
      }
      await writeFile(join(dir, 'sitemap.xml'), '<urlset></urlset>');
      const parsed = new Map([...trees].map(([file, tree]) => [file, pageFactsOfTree(tree)]));
      const fromFiles = checkLinks({ root: dir, base: '/sub/' });
      const fromParse = checkLinks({ root: dir, base: '/sub/', parsed });
      expect(fromParse).toEqual(fromFiles);
      expect(fromParse.fragments).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
