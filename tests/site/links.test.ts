// Links and fragments, from the files: every internal link, resource, fragment, text fragment,
// stylesheet url(), canonical and hreflang URL and sitemap entry on every page of both scripts
// resolves (scripts/lib/link-check.ts). The browser sweep (tests/e2e/sweep.ts) follows them on a sample.
import { describe, expect, test } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { DEFAULT_SITE_BASE, DEFAULT_SITE_DIR } from '../e2e/site-dir.ts';

describe('every internal link and fragment resolves (files)', () => {
  test(`site at ${DEFAULT_SITE_DIR}, base ${DEFAULT_SITE_BASE}`, () => {
    const result = checkLinks({ root: DEFAULT_SITE_DIR, base: DEFAULT_SITE_BASE });
    expect(result.problems).toEqual([]);
    expect(result.references).toBeGreaterThan(result.pages);
  });
});
