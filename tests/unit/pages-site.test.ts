/** Site-wide words (src/lib/pages/site.ts): the <title> of a page. */
import { describe, expect, it } from 'vitest';
import { documentTitle, siteName, TITLE_MAX_LENGTH } from '../../src/lib/pages/site.ts';

describe('documentTitle', () => {
  it('puts the site name after the page title', () => {
    expect(documentTitle('時間線')).toBe(`時間線｜${siteName}`);
  });

  it('cuts a long article title with "…" so that the whole stays within the limit and keeps the site name', () => {
    const title = '說法：〈合成第100篇：LLaMA核心原作多半離職，Meta AI內幕曝光！算力爭奪撕破臉，大模型團隊成員連換三輪〉';
    const shown = documentTitle(title);
    expect(shown.length).toBe(TITLE_MAX_LENGTH);
    expect(shown.endsWith(`…｜${siteName}`)).toBe(true);
    expect(title.startsWith(shown.slice(0, shown.indexOf('…')))).toBe(true);
    // A title that just fits is whole.
    const fits = 'x'.repeat(TITLE_MAX_LENGTH - `｜${siteName}`.length);
    expect(documentTitle(fits)).toBe(`${fits}｜${siteName}`);
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const shown = documentTitle('𠀀'.repeat(40), 30);
    expect(shown.length).toBeLessThanOrEqual(30);
    expect(shown).toMatch(/^(𠀀)+…｜/u);
  });
});
