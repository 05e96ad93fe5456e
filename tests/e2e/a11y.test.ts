// axe-core on the pages of the browser sweep (every kind in both scripts and a seeded sample; all
// with E2E_FULL=1), in light and dark colour schemes: zero violations of WCAG 2.0/2.1/2.2 A and AA
// and of axe's best practices. This file sweeps the Traditional pages
// (a11y-zh-hans.test.ts the Simplified ones, so the two run side by side), the open search panel
// in both scripts, and a few pages on a 360 px phone.
import { describe, expect, test } from 'vitest';
import { axeViolations, describeAxeLightAndDark } from './axe.ts';
import { searchFromHeader, useSite } from './harness.ts';

const site = useSite();

describeAxeLightAndDark(site, site.sweep.filter((page) => page.script === 'hant'));

describe('axe with the search results open', () => {
  for (const [path, query] of [
    ['', '離職'],
    ['zh-hans/', '离职'],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${path || '(home)'} ${colorScheme}`, async () => {
        const tracked = await site.newPage({ colorScheme });
        try {
          await tracked.page.goto(site.url(path));
          await searchFromHeader(tracked.page, query);
          expect(await axeViolations(tracked.page)).toEqual([]);
        } finally {
          await tracked.close();
        }
      });
    }
  }
});

describe('axe on a 360 px phone', () => {
  for (const path of ['', 'article/', 'timeline/', 'zh-hans/people/']) {
    test(path || '(home)', async () => {
      const tracked = await site.newPage({ viewport: { width: 360, height: 740 } });
      try {
        await tracked.page.goto(site.url(path));
        expect(await axeViolations(tracked.page)).toEqual([]);
        // Reflow (WCAG 1.4.10): no horizontal scrolling of the page at 360 px.
        const overflow = await tracked.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(0);
      } finally {
        await tracked.close();
      }
    });
  }
});
