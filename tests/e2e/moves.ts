// Declared moves made real, the checks shared by the builds that declare them: redirects.test.ts
// builds a copy of the project at the root, variant.test.ts under the sub-path /sub/ (with its
// markup-like content), and both add the moves below to content/redirects.yaml: a moved page, an
// id moved within the article and an id that left it, each in both scripts. In Chromium, with
// JavaScript off, the old URLs take the reader to the new places; with JavaScript an old page's
// fragment comes along.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { ConfigData } from 'html-validate';
import type { Browser } from 'playwright-core';
import { listPages } from '../../scripts/lib/built-pages.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { lostPermalinks, manifestOf, readManifest } from '../../scripts/permalinks.ts';
import { parseAliases } from '../../scripts/lib/redirects.ts';
import type { Alias } from '../../scripts/lib/redirects.ts';
import { axeViolations } from './axe.ts';
import { openTrackedPage, searchFromHeader } from './harness.ts';

/** The article's last paragraph: far enough down that landing on it means the page scrolled. */
const LAST_PARAGRAPH: string = (() => {
  const last = (readManifest().pages['article/'] ?? [])
    .filter((id) => /^p-\d+$/.test(id))
    .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))
    .at(-1);
  if (!last) throw new Error('tests/permalinks.json records no p-N ids for article/; update this test');
  return last;
})();

const REDIRECTS_YAML = ['', 'zh-hans/']
  .map(
    (script) => `
- from: ${script}reading/
  to: ${script}article/
- from: ${script}reading/#p-3
  to: ${script}timeline/
- from: ${script}article/#para-old
  to: ${script}article/#${LAST_PARAGRAPH}
- from: ${script}article/#moved-away
  to: ${script}timeline/`,
  )
  .join('\n');
export const REDIRECT_PAGES = ['reading/', 'zh-hans/reading/'];

/** The project's own page moves (content/redirects.yaml entries without a fragment), which every copy keeps. */
const PROJECT_PAGE_MOVES: Alias[] = parseAliases(
  readFileSync(new URL('../../content/redirects.yaml', import.meta.url), 'utf8'),
  'content/redirects.yaml',
).filter((move) => !move.from.includes('#'));


const htmlValidateConfig = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));

/** content/redirects.yaml of a project with the test's moves added to its own (which stay). */
export function withMoves(project: string): string {
  return `${readFileSync(join(project, 'content', 'redirects.yaml'), 'utf8')}\n${REDIRECTS_YAML}`;
}

/** Declares the test's moves in a project copy; returns its content/redirects.yaml. */
export function declareMoves(project: string): string {
  const declared = withMoves(project);
  writeFileSync(join(project, 'content', 'redirects.yaml'), declared);
  return declared;
}

/** A built copy with the moves declared, served: filled in by the caller's beforeAll. */
export interface MovedCopy {
  base: string;
  outDir: string;
  /** content/redirects.yaml as the copy declares it. */
  declared: string;
  origin: string;
  browser: Browser | undefined;
}

/**
 * Registers the tests of the declared moves on `copy` (inside the caller's describe). With
 * `axe: false` the two axe checks are left out: axe judges markup and colours, which the base
 * path does not change, so one copy (the root one) runs them.
 */
export function declaredMovesTests(copy: MovedCopy, options: { axe: boolean }): void {
  const url = (path: string): string => `${copy.origin}${copy.base}${path}`;
  const newPage = (javaScriptEnabled = false, colorScheme: 'light' | 'dark' = 'light') => {
    if (!copy.browser || !copy.origin) throw new Error('the site is not served yet');
    return openTrackedPage(copy.browser, copy.origin, { javaScriptEnabled, colorScheme });
  };

  test('the old page URL ends at the new page, without JavaScript', async () => {
    for (const [from, to] of [
      ['reading/', 'article/'],
      ['zh-hans/reading/', 'zh-hans/article/'],
    ] as const) {
      const tracked = await newPage();
      try {
        await tracked.page.goto(url(from));
        await tracked.page.waitForURL(url(to));
        expect(await tracked.page.locator('html').getAttribute('lang')).toBe(from.startsWith('zh-hans/') ? 'zh-Hans' : 'zh-Hant');
        expect(tracked.problemList()).toEqual([]);
      } finally {
        await tracked.close();
      }
    }
  });

  test('with JavaScript, the old URL\'s fragment comes along: to a listed place, or onto the new page', async () => {
    for (const [from, to] of [
      ['reading/#p-3', 'timeline/'],
      ['reading/#p-7', 'article/#p-7'],
      ['zh-hans/reading/#p-3', 'zh-hans/timeline/'],
      ['zh-hans/reading/#p-7', 'zh-hans/article/#p-7'],
      ['reading/', 'article/'],
    ] as const) {
      const tracked = await newPage(true);
      try {
        await tracked.page.goto(url(from));
        await tracked.page.waitForURL(url(to));
        if (to.includes('#')) expect(await tracked.page.evaluate(() => document.querySelector(':target')?.id)).toBe(to.split('#')[1]);
        expect(tracked.problemList(), from).toEqual([]);
      } finally {
        await tracked.close();
      }
    }
  });

  test('the old fragment scrolls to the new place, without JavaScript', async () => {
    const tracked = await newPage();
    try {
      await tracked.page.goto(url('article/#para-old'));
      const landing = await tracked.page.evaluate((newId) => {
        const moved = document.getElementById(newId);
        const box = moved?.getBoundingClientRect();
        return {
          target: document.querySelector(':target')?.id,
          nextToNew: document.getElementById('para-old')?.nextElementSibling === moved || document.getElementById('para-old')?.parentElement === moved,
          scrolled: window.scrollY > 0,
          inView: box !== undefined && box.bottom > 0 && box.top < window.innerHeight,
          // The site's :target look goes to the new place, not to the empty element.
          highlighted: moved !== null && getComputedStyle(moved).backgroundColor !== 'rgba(0, 0, 0, 0)',
        };
      }, LAST_PARAGRAPH);
      expect(landing).toEqual({ target: 'para-old', nextToNew: true, scrolled: true, inView: true, highlighted: true });
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('an id that left the page shows a note linking to its new page, only when it is the target', async () => {
    const tracked = await newPage();
    const { page } = tracked;
    try {
      await page.goto(url('zh-hans/article/'));
      await expect(page.locator('#moved-away').isVisible()).resolves.toBe(false);
      await page.goto(url('zh-hans/article/#moved-away'));
      await expect(page.locator('#moved-away').isVisible()).resolves.toBe(true);
      expect(await page.locator('#moved-away').innerText()).toMatch(/^你要找的内容已移至「.+」。$/);
      await page.locator('#moved-away a').click();
      await page.waitForURL(url('zh-hans/timeline/'));
      expect(tracked.problemList()).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  if (options.axe) test('the note passes axe (with JavaScript: axe needs it)', async () => {
    const tracked = await newPage(true);
    try {
      await tracked.page.goto(url('article/#moved-away'));
      expect(await axeViolations(tracked.page)).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  if (options.axe) test('redirect pages pass axe in both colour schemes (held there by answering their refresh with 204)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of REDIRECT_PAGES) {
        const tracked = await newPage(true, colorScheme);
        try {
          // A 204 answer to a navigation leaves the current document in place. The page's script
          // starts that navigation while the page loads, so `goto` waits only for the page to arrive.
          await tracked.context.route((target) => target.pathname.endsWith('/article/'), (route) => route.fulfill({ status: 204 }));
          await Promise.all([tracked.page.waitForRequest(url(path.replace('reading/', 'article/'))), tracked.page.goto(url(path), { waitUntil: 'commit' })]);
          await tracked.page.waitForFunction(() => document.readyState !== 'loading');
          expect(new URL(tracked.page.url()).pathname).toBe(`${copy.base}${path}`);
          expect(await axeViolations(tracked.page), `${path} ${colorScheme}`).toEqual([]);
        } finally {
          await tracked.close();
        }
      }
    }
  });

  test('redirect pages and pages given ids back pass html-validate and carry their CSP', async () => {
    for (const path of [...REDIRECT_PAGES, 'article/', 'zh-hans/article/']) {
      const html = readFileSync(join(copy.outDir, path, 'index.html'), 'utf8');
      const report = await validator.validateString(html, path);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${path}: ${message.ruleId}: ${message.message}`))).toEqual([]);
      expect(html).toMatch(/<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';/);
    }
    const redirect = readFileSync(join(copy.outDir, 'reading', 'index.html'), 'utf8');
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(redirect).toContain(`<link rel="canonical" href="https://meta-ai-llama.example.org${copy.base}article/">`);
    expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=${copy.base}article/">`);
    expect(redirect).toContain(`<li id="p-3">#p-3 → <a href="${copy.base}timeline/">`);
  });

  test('_redirects lists the page moves; neither the sitemap nor search knows the redirect pages', async () => {
    expect(readFileSync(join(copy.outDir, '_redirects'), 'utf8').split('\n').slice(1)).toEqual([
      ...PROJECT_PAGE_MOVES.map((move) => `${copy.base}${move.from} ${copy.base}${move.to} 301`),
      `${copy.base}reading/ ${copy.base}article/ 301`,
      `${copy.base}zh-hans/reading/ ${copy.base}zh-hans/article/ 301`,
      '',
    ]);
    expect(readFileSync(join(copy.outDir, 'sitemap.xml'), 'utf8')).not.toContain('reading/');
    const tracked = await newPage(true);
    try {
      await tracked.page.goto(url('article/'));
      // The redirect page links to the article by its title, which has this word: indexed, it would be found.
      const results = await searchFromHeader(tracked.page, '離職');
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((href) => /reading\/|#para-old|#moved-away/.test(href))).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('links resolve, and the permalink gate accepts the moves', () => {
    // A redirect page's canonical URL is the new place, and it is not in the sitemap: nothing to report.
    expect(listPages(copy.outDir).filter((page) => page.redirect).map((page) => page.path).sort()).toEqual(
      [...PROJECT_PAGE_MOVES.map((move) => move.from), ...REDIRECT_PAGES].sort(),
    );
    expect(checkLinks({ root: copy.outDir, base: copy.base }).problems).toEqual([]);
    const current = manifestOf(copy.outDir);
    expect(lostPermalinks(readManifest(), current, parseAliases(copy.declared, 'redirects.yaml'))).toEqual([]);
    expect(current.pages['zh-hans/reading/']).toEqual(current.pages['reading/']);
    expect(current.pages['zh-hans/article/']).toEqual(current.pages['article/']);
  });
}
