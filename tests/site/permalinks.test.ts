// Permalinks kept: every URL and fragment recorded in tests/permalinks.json is still published
// (or declared moved in content/redirects.yaml). After a deliberate change, refresh the manifest
// with `npm run build && node scripts/permalinks.ts --write` and commit it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { listPages } from '../../scripts/lib/built-pages.ts';
import { lostPermalinks, manifestOf, readAliases, readManifest } from '../../scripts/permalinks.ts';
import { DEFAULT_SITE_DIR } from '../e2e/site-dir.ts';

describe('permalinks', () => {
  const current = manifestOf(DEFAULT_SITE_DIR);
  const recorded = readManifest();

  test('no recorded URL or fragment has disappeared without an alias', () => {
    expect(lostPermalinks(recorded, current, readAliases())).toEqual([]);
  });

  test('each page and its twin in the other script carry the same fragments', () => {
    for (const [path, ids] of Object.entries(current.pages)) {
      const twin = path.startsWith('zh-hans/') ? path.slice('zh-hans/'.length) : `zh-hans/${path}`;
      expect(current.pages[twin], `${path} and its twin ${twin} differ in ids`).toEqual(ids);
    }
  });

  test('each page says its script in <html lang>', () => {
    const wrong = listPages(DEFAULT_SITE_DIR)
      .map((page) => ({ path: page.path, lang: /<html[^>]*\slang="([^"]*)"/.exec(readFileSync(page.file, 'utf8'))?.[1], want: page.script === 'hans' ? 'zh-Hans' : 'zh-Hant' }))
      .filter(({ lang, want }) => lang !== want);
    expect(wrong).toEqual([]);
  });
});
