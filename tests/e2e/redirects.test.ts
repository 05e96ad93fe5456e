// Declared moves made real: on a copy of the project, content/redirects.yaml declares a moved
// page, an id moved within the article and an id that left it (each in both scripts). The build
// writes redirect pages and gives the old ids back; in Chromium, with JavaScript off, the old
// URLs take the reader to the new places, and with JavaScript an old page's fragment comes along.
// Built at the root and under the sub-path /sub/, and once with an entry whose old page is still
// published, which must fail the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { ConfigData } from 'html-validate';
import type { Browser } from 'playwright-core';
import { listPages } from '../../scripts/lib/built-pages.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { lostPermalinks, manifestOf, readManifest } from '../../scripts/permalinks.ts';
import { parseAliases } from '../../scripts/lib/redirects.ts';
import { startServer } from '../../scripts/serve.ts';
import type { RunningServer } from '../../scripts/serve.ts';
import { axeViolations } from './axe.ts';
import { buildEnvironment, copyProject, launchBrowser, openTrackedPage, searchFromHeader } from './harness.ts';

/** The article's last paragraph: far enough down that landing on it means the page scrolled. */
const LAST_PARAGRAPH = (readManifest().pages['article/'] ?? [])
  .filter((id) => /^p-\d+$/.test(id))
  .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))
  .at(-1);
if (!LAST_PARAGRAPH) throw new Error('tests/permalinks.json records no p-N ids for article/; update this test');

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
const REDIRECT_PAGES = ['reading/', 'zh-hans/reading/'];

const htmlValidateConfig = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));

function build(project: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: project,
    env: buildEnvironment(env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe.each(['/', '/sub/'])('declared moves, built under %s', (base) => {
  let project = '';
  let outDir = '';
  // The project's own declared moves stay; the test's moves are added to them.
  let declared = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const url = (path: string): string => `${server?.origin ?? ''}${base}${path}`;
  const newPage = (javaScriptEnabled = false) => {
    if (!browser || !server) throw new Error('the site is not served yet');
    return openTrackedPage(browser, server.origin, { javaScriptEnabled });
  };

  beforeAll(async () => {
    project = copyProject('redirects-project-');
    declared = `${readFileSync(join(project, 'content', 'redirects.yaml'), 'utf8')}\n${REDIRECTS_YAML}`;
    writeFileSync(join(project, 'content', 'redirects.yaml'), declared);
    outDir = join(project, 'site');
    const { status, output } = build(project, { SITE_BASE: base, SITE_OUT_DIR: outDir });
    if (status !== 0) throw new Error(`the build failed (exit ${status}):\n${output.slice(-4000)}`);
    server = await startServer({ root: outDir, base, port: 0 });
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

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

  test('the note passes axe (with JavaScript: axe needs it)', async () => {
    const tracked = await newPage(true);
    try {
      await tracked.page.goto(url('article/#moved-away'));
      expect(await axeViolations(tracked.page)).toEqual([]);
    } finally {
      await tracked.close();
    }
  });

  test('redirect pages pass axe in both colour schemes (held there by answering their refresh with 204)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of REDIRECT_PAGES) {
        if (!browser || !server) throw new Error('the site is not served yet');
        const tracked = await openTrackedPage(browser, server.origin, { colorScheme });
        try {
          // A 204 answer to a navigation leaves the current document in place. The page's script
          // starts that navigation while the page loads, so `goto` waits only for the page to arrive.
          await tracked.context.route((target) => target.pathname.endsWith('/article/'), (route) => route.fulfill({ status: 204 }));
          await Promise.all([tracked.page.waitForRequest(url(path.replace('reading/', 'article/'))), tracked.page.goto(url(path), { waitUntil: 'commit' })]);
          await tracked.page.waitForFunction(() => document.readyState !== 'loading');
          expect(new URL(tracked.page.url()).pathname).toBe(`${base}${path}`);
          expect(await axeViolations(tracked.page), `${path} ${colorScheme}`).toEqual([]);
        } finally {
          await tracked.close();
        }
      }
    }
  });

  test('redirect pages and pages given ids back pass html-validate and carry their CSP', async () => {
    for (const path of [...REDIRECT_PAGES, 'article/', 'zh-hans/article/']) {
      const html = readFileSync(join(outDir, path, 'index.html'), 'utf8');
      const report = await validator.validateString(html, path);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${path}: ${message.ruleId}: ${message.message}`))).toEqual([]);
      expect(html).toMatch(/<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';/);
    }
    const redirect = readFileSync(join(outDir, 'reading', 'index.html'), 'utf8');
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(redirect).toContain(`<link rel="canonical" href="https://meta-ai-llama.example.org${base}article/">`);
    expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=${base}article/">`);
    expect(redirect).toContain(`<li id="p-3">#p-3 → <a href="${base}timeline/">`);
  });

  test('_redirects lists the page moves; neither the sitemap nor search knows the redirect pages', async () => {
    expect(readFileSync(join(outDir, '_redirects'), 'utf8').split('\n').slice(1)).toEqual([
      `${base}reading/ ${base}article/ 301`,
      `${base}zh-hans/reading/ ${base}zh-hans/article/ 301`,
      '',
    ]);
    expect(readFileSync(join(outDir, 'sitemap.xml'), 'utf8')).not.toContain('reading/');
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
    expect(listPages(outDir).filter((page) => page.redirect).map((page) => page.path)).toEqual(REDIRECT_PAGES);
    expect(checkLinks({ root: outDir, base }).problems).toEqual([]);
    const current = manifestOf(outDir);
    expect(lostPermalinks(readManifest(), current, parseAliases(declared, 'redirects.yaml'))).toEqual([]);
    expect(current.pages['zh-hans/reading/']).toEqual(current.pages['reading/']);
    expect(current.pages['zh-hans/article/']).toEqual(current.pages['article/']);
  });
});

describe('an entry that cannot be made real', () => {
  let project = '';
  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  test('fails the build, naming content/redirects.yaml, the entry and the way out, and publishes nothing', () => {
    project = copyProject('redirects-broken-');
    writeFileSync(join(project, 'content', 'redirects.yaml'), '- from: timeline/\n  to: article/\n- from: zh-hans/timeline/\n  to: zh-hans/article/\n');
    const published = join(project, 'site');
    const { status, output } = build(project, { SITE_OUT_DIR: published });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/redirects.yaml, entry 1 ("timeline/" → "article/"): the page "timeline/" is still published; an entry is for a place that is gone, so remove the entry or remove the place',
    );
    expect(existsSync(published)).toBe(false);
    expect(existsSync(`${published}.next`)).toBe(false);
  }, 300_000);
});
