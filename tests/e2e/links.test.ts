// Links in the browser, the way a reader follows them: on every page the sweep visits (every
// kind in both scripts and a seeded sample; all with E2E_FULL=1), each internal link answers 200
// and a sample of fragment links lands on its :target. tests/site/links.test.ts checks every
// link and fragment of every page from the files.
import { describe, expect, test } from 'vitest';
import { isNotFoundPage } from '../../scripts/lib/built-pages.ts';
import { describeSweep, followLinks, useSite } from './harness.ts';

const site = useSite();
const swept = site.sweep.filter((p) => !isNotFoundPage(p.path));

describe(`following links in the browser lands on their targets: ${describeSweep(site.pages.length, site.sweep.length)}`, () => {
  for (const builtPage of swept) {
    test(builtPage.path || '(home)', async () => {
      expect(await followLinks(site, builtPage.path, 4)).toEqual([]);
    });
  }
});
