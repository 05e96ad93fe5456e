import { describe, expect, it } from 'vitest';
import type { Anchor, Site } from '../../src/lib/content/model.ts';
import { siteIndex } from '../../src/lib/site/article-index.ts';

const anchor = (article: string, elementId: string): Anchor => ({ article, elementId }) as Anchor;

function site(): Site {
  return {
    people: [{ id: 'lample' }],
    anchors: {
      claim: new Map([['c1', anchor('first', 'claim-c1')], ['c2', anchor('second', 'claim-c2')]]),
      event: new Map([['e1', anchor('second', 'event-e1')]]),
      fix: new Map([['f1', anchor('first', 'fix-f1')]]),
    },
    mentions: new Map([
      ['lample', [anchor('first', 'mention-lample-1'), anchor('second', 'mention-lample-2')]],
      ['meta', [anchor('second', 'mention-meta-1')]],
    ]),
  } as unknown as Site;
}

describe('siteIndex', () => {
  it("gives each article only its own anchors, in the site's order", () => {
    const index = siteIndex(site());
    expect(index.anchorsOf('first')).toEqual({
      claims: [['c1', anchor('first', 'claim-c1')]],
      events: [],
      fixes: [['f1', anchor('first', 'fix-f1')]],
      mentions: [['lample', anchor('first', 'mention-lample-1')]],
    });
    expect(index.anchorsOf('second').mentions.map(([id, found]) => `${id}:${found.elementId}`)).toEqual(['lample:mention-lample-2', 'meta:mention-meta-1']);
    expect(index.anchorsOf('unknown')).toEqual({ claims: [], events: [], fixes: [], mentions: [] });
  });

  it('tells people from organizations and is built once per Site', () => {
    const one = site();
    expect(siteIndex(one).isPerson('lample')).toBe(true);
    expect(siteIndex(one).isPerson('meta')).toBe(false);
    expect(siteIndex(one)).toBe(siteIndex(one));
    expect(siteIndex(site())).not.toBe(siteIndex(one));
  });
});
