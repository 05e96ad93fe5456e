// Links and fragments: a file-level check of every internal link, resource, fragment, stylesheet
// url() and sitemap entry on every page of both scripts, then a browser sample that follows
// links the way a reader does and lands where they point.
import { describe, expect, test } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { isNotFoundPage } from '../../scripts/lib/built-pages.ts';
import { followLinks, useSite } from './harness.ts';

const site = useSite();

describe('every internal link and fragment resolves (files)', () => {
  test(`site at ${site.root}, base ${site.base}`, () => {
    const result = checkLinks({ root: site.root, base: site.base });
    expect(result.problems).toEqual([]);
    expect(result.references).toBeGreaterThan(result.pages);
  });
});

describe('following links in the browser lands on their targets', () => {
  for (const builtPage of site.pages.filter((p) => !isNotFoundPage(p.path))) {
    test(builtPage.path || '(home)', async () => {
      expect(await followLinks(site, builtPage.path, 4)).toEqual([]);
    });
  }
});
