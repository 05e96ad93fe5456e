// The published article, as built, in both scripts: no trace of the damage in the received copy
// (pinyin glosses, stray question marks, `/p>` debris, replacement characters, half-width
// punctuation, Simplified leftovers on the Traditional page), and every repair in the corrections
// log points to the place in the text it changed, and back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { scanHtml } from '../../src/lib/restore/artifacts.ts';
import { loadContent } from '../../src/lib/content/index.ts';
import { DEFAULT_SITE_DIR, useSite } from './harness.ts';

const site = await loadContent(process.cwd());

function idsAndLinks(html: string): { ids: Set<string>; links: Map<string, string> } {
  const ids = new Set<string>();
  const links = new Map<string, string>();
  visit(fromHtml(html), 'element', (node) => {
    const { id, href } = node.properties;
    if (typeof id === 'string') ids.add(id);
    if (typeof id === 'string' && typeof href === 'string') links.set(id, href);
  });
  return { ids, links };
}

for (const path of ['article/index.html', 'zh-hans/article/index.html']) {
  describe(path, () => {
    const html = readFileSync(join(DEFAULT_SITE_DIR, path), 'utf8');

    test('has no artifact of the damaged source', () => {
      expect(scanHtml(html)).toEqual([]);
    });

    test('every repair in the log links to its place in the text, and the place links back', () => {
      const { ids, links } = idsAndLinks(html);
      for (const article of site.articles) {
        for (const repair of article.data.corrections.instances) {
          expect(ids, `log entry log-${repair.id}`).toContain(`log-${repair.id}`);
          expect(ids, `place fix-${repair.id} in the text`).toContain(`fix-${repair.id}`);
          expect(links.get(`fix-${repair.id}`), `fix-${repair.id} links to its log entry`).toBe(`#log-${repair.id}`);
        }
      }
    });
  });
}

// Reading the article in Chromium: calm by default, the marks that stay are visible enough,
// and nothing of the annotation ever strands a tag or a "#" on a line of its own.
describe('the article reads calmly', () => {
  const browsing = useSite();
  const contrast = `
    const luminance = (colour) => {
      const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };`;

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`repaired text is marked at 3:1 or more against the page (${colorScheme})`, async () => {
      const tab = await browsing.newPage({ colorScheme, viewport: { width: 360, height: 800 } });
      try {
        await tab.page.goto(browsing.url('article/'));
        const ratios = await tab.page.evaluate(`(() => {${contrast}
          const page = getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor;
          return [...document.querySelectorAll('.body .fix')].map((fix) => {
            const style = getComputedStyle(fix);
            return style.borderBottomStyle === 'none' ? 0 : Math.round(ratio(style.borderBottomColor, page) * 100) / 100;
          });
        })()`) as number[];
        expect(ratios.length).toBeGreaterThan(30);
        expect(Math.min(...ratios)).toBeGreaterThanOrEqual(3);
        expect(tab.problemList()).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }

  test('a repair link is named after its log entry and new text, not the one character it covers', async () => {
    const tab = await browsing.newPage();
    try {
      await tab.page.goto(browsing.url('article/'));
      const names = await tab.page.$$eval('.body a.fix', (links) => links.map((link) => ({ name: link.getAttribute('aria-label') ?? '', text: link.textContent ?? '' })));
      expect(names.length).toBeGreaterThan(30);
      for (const { name, text } of names) {
        expect(name).toMatch(/修正 \d+：/);
        expect(name).toContain(text);
      }
      expect(tab.problemList()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  for (const width of [360, 1280]) {
    test(`tags show only on request and never start a line; lost pictures take one line (${width} px)`, async () => {
      const tab = await browsing.newPage({ viewport: { width, height: 800 } });
      try {
        await tab.page.goto(browsing.url('article/'));
        const visibleTags = (): Promise<number> => tab.page.$$eval('.body :is(.claim-tag, .event-tag)', (tags) => tags.filter((tag) => tag.getClientRects().length > 0).length);
        expect(await visibleTags()).toBe(0);
        expect(await tab.page.$$eval('.body .claim', (claims) => claims.filter((claim) => getComputedStyle(claim).textDecorationLine !== 'none').length)).toBe(0);
        const figureHeights = await tab.page.$$eval('.body .lost-figure', (figures) => figures.map((figure) => figure.getBoundingClientRect().height));
        expect(figureHeights).toHaveLength(11);
        expect(Math.max(...figureHeights)).toBeLessThan(64);

        await tab.page.check('#show-marks');
        const total = await tab.page.$$eval('.body :is(.claim-tag, .event-tag)', (tags) => tags.length);
        expect(await visibleTags()).toBe(total);
        // A tag, and a block's "#", share their first line with the character before them.
        const stranded = await tab.page.evaluate(() => {
          const previousCharacter = (element: Element): Range | undefined => {
            const block = element.closest('.body [id]:is(p, h2, h3, li), figure') ?? document.body;
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            let last: Text | undefined;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (element.contains(node) || (element.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) break;
              if ((node.textContent ?? '').replace(/\u2060/g, '').trim() !== '' && (node.parentElement?.getClientRects().length ?? 0) > 0) last = node as Text;
            }
            if (!last) return undefined;
            const range = document.createRange();
            const end = last.data.replace(/\s+$/, '').length;
            range.setStart(last, end - 1);
            range.setEnd(last, end);
            return range;
          };
          const alone: string[] = [];
          // At 1280 px the "#" sits in the margin, out of the line (article.css).
          const inLine = [...document.querySelectorAll('.body p > copy-link')].filter((link) => getComputedStyle(link).position === 'static').map((link) => link.querySelector('a')!);
          for (const element of [...document.querySelectorAll('.body :is(.claim-tag, .event-tag)'), ...inLine]) {
            const box = element.getClientRects()[0];
            const before = previousCharacter(element)?.getBoundingClientRect();
            if (!box || !before) continue;
            const middle = (before.top + before.bottom) / 2;
            if (middle < box.top - 2 || middle > box.bottom + 2) alone.push(`${element.closest('[id^="p-"]')?.id}: ${element.textContent}`);
          }
          return alone;
        });
        expect(stranded).toEqual([]);
        expect(tab.problemList()).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }

  test('with the marks shown, at most three kinds of line sit under the text, events draw none', async () => {
    const tab = await browsing.newPage();
    try {
      await tab.page.goto(browsing.url('article/'));
      await tab.page.check('#show-marks');
      const styles = await tab.page.evaluate(() => {
        const lineOf = (selector: string): string[] =>
          [...new Set([...document.querySelectorAll(selector)].map((element) => {
            const style = getComputedStyle(element);
            const decoration = style.textDecorationLine === 'none' ? '' : `text ${style.textDecorationStyle}`;
            const border = style.borderBottomStyle === 'none' ? '' : `border ${style.borderBottomStyle}`;
            return [decoration, border].filter(Boolean).join(' + ');
          }))];
        return { claim: lineOf('.body .claim'), event: lineOf('.body .event'), mention: lineOf('.body a.mention'), fix: lineOf('.body .fix') };
      });
      expect(styles.event).toEqual(['']);
      const kinds = new Set([...styles.claim, ...styles.mention, ...styles.fix].filter(Boolean));
      expect(kinds.size).toBeLessThanOrEqual(3);
      expect(tab.problemList()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test('on paper: arXiv addresses once, no links to places on the site', async () => {
    const tab = await browsing.newPage();
    try {
      await tab.page.emulateMedia({ media: 'print' });
      await tab.page.goto(browsing.url('article/'));
      // Each address is printed once: as the link's own text, or after its title.
      const afterContent = await tab.page.$$eval('main a[href^="http"]', (links) => links.map((link) => [link.textContent, getComputedStyle(link, '::after').content]));
      const shown = afterContent.map(([text, content]) => `${text}${content === 'none' ? '' : content}`).join('\n');
      for (const address of ['https://arxiv.org/pdf/2302.13971.pdf', 'https://arxiv.org/abs/2302.13971']) {
        expect(shown.split(address).length - 1, address).toBe(1);
      }
      await tab.page.goto(browsing.url('people/joelle-pineau/'));
      expect(await tab.page.evaluate(() => document.querySelector('main')!.innerText)).not.toMatch(/在文章中的位置|標示原文字句/);
    } finally {
      await tab.close();
    }
  });

  test('a person page marks the name softly in dark mode, and every mention offers its highlighted words', async () => {
    const tab = await browsing.newPage({ colorScheme: 'dark' });
    try {
      await tab.page.goto(browsing.url('people/joelle-pineau/'));
      const background = await tab.page.$eval('#mentions ~ ol mark, section mark', (mark) => getComputedStyle(mark).backgroundColor);
      expect(background).not.toBe('rgb(255, 255, 0)');
      const values = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      expect(Math.max(...values)).toBeLessThan(128);
      for (const person of ['joelle-pineau', 'mark-zuckerberg']) {
        await tab.page.goto(browsing.url(`people/${person}/`));
        const lacking = await tab.page.$$eval('section[aria-labelledby="mentions"] li', (items) => items.filter((item) => !item.textContent?.includes('標示原文字句')).length);
        expect(lacking, person).toBe(0);
      }
      expect(tab.problemList()).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
