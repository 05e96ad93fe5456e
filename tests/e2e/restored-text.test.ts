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
import { DEFAULT_SITE_DIR } from './harness.ts';

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
