/** One page of claims per article (src/lib/content/archive.ts, src/lib/pages/claims.ts). */
import { describe, expect, it } from 'vitest';
import { claimsPagePath } from '../../src/lib/content/archive.ts';
import { CLAIMS_INDEX_LIMIT, neighbours, numberOnPage, planClaimsIndex } from '../../src/lib/pages/claims.ts';

describe('claimsPagePath', () => {
  it('keeps the featured article\'s claims at claims/, where they were first published, and gives every other article its own page', () => {
    expect(claimsPagePath('meta-ai-llama', 'meta-ai-llama')).toBe('claims/');
    expect(claimsPagePath('meta-ai-llama', 'followup')).toBe('claims/followup/');
  });
});

describe('numberOnPage', () => {
  it('numbers each claim among its own article\'s, in the order given', () => {
    const claim = (id: string, article: string) => ({ id, data: { anchor: { article } } });
    expect([...numberOnPage([claim('a1', 'a'), claim('a2', 'a'), claim('b1', 'b'), claim('a3', 'a'), claim('b2', 'b')])]).toEqual([
      ['a1', 1], ['a2', 2], ['b1', 1], ['a3', 3], ['b2', 2],
    ]);
  });
});

describe('planClaimsIndex', () => {
  const articles = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}` }));

  it('lists every other article while there are few', () => {
    expect(planClaimsIndex(articles(3))).toEqual({ listed: articles(3), older: 0, next: undefined });
    expect(planClaimsIndex([])).toEqual({ listed: [], older: 0, next: undefined });
  });

  it('past the limit lists the newest, counts the rest and names the newest of them, whatever the archive\'s size', () => {
    const plan = planClaimsIndex(articles(1000));
    expect(plan.listed).toHaveLength(CLAIMS_INDEX_LIMIT);
    expect(plan.older).toBe(1000 - CLAIMS_INDEX_LIMIT);
    expect(plan.next).toEqual({ id: `s${CLAIMS_INDEX_LIMIT}` });
    expect(planClaimsIndex(articles(5), 2)).toEqual({ listed: articles(2), older: 3, next: { id: 's2' } });
  });
});

describe('neighbours', () => {
  it('gives the next newer and older pages, so that a chain from claims/ reaches every page', () => {
    const list = [{ id: 'new' }, { id: 'mid' }, { id: 'old' }];
    expect(neighbours(list, 'new')).toEqual({ newer: undefined, older: { id: 'mid' } });
    expect(neighbours(list, 'mid')).toEqual({ newer: { id: 'new' }, older: { id: 'old' } });
    expect(neighbours(list, 'old')).toEqual({ newer: { id: 'mid' }, older: undefined });
    expect(neighbours(list, 'featured')).toEqual({ newer: undefined, older: undefined });
    // Walking older from the first listed page visits every page once.
    const seen: string[] = [];
    for (let at: { id: string } | undefined = list[0]; at; at = neighbours(list, at.id).older) seen.push(at.id);
    expect(seen).toEqual(['new', 'mid', 'old']);
  });
});
