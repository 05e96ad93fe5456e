import { describe, expect, it } from 'vitest';
import { MENTION_LIMITS, planMentionGroups } from '../../src/lib/pages/mention-groups.ts';

const groups = (articles: number, mentions: number) =>
  Array.from({ length: articles }, (_, a) => ({ article: `a${a}`, anchors: Array.from({ length: mentions }, (_, m) => `a${a}-m${m}`) }));
const limits = { articlesInFull: 2, excerptsPerArticle: 1, articlesWithExcerpts: 3 };

describe('planMentionGroups', () => {
  it('shows every mention while few articles name them (a one-article site reads as it always has)', () => {
    expect(planMentionGroups(groups(1, 4), limits)).toEqual([{ article: 'a0', all: ['a0-m0', 'a0-m1', 'a0-m2', 'a0-m3'], shown: ['a0-m0', 'a0-m1', 'a0-m2', 'a0-m3'] }]);
    expect(planMentionGroups(groups(2, 3), limits).every((group) => group.shown.length === 3)).toBe(true);
  });

  it('past that, caps the excerpts of the first articles and leaves the rest as compact rows', () => {
    const plan = planMentionGroups(groups(5, 3), limits);
    expect(plan.map((group) => group.shown)).toEqual([['a0-m0'], ['a1-m0'], ['a2-m0'], [], []]);
    expect(plan.map((group) => group.all.length)).toEqual([3, 3, 3, 3, 3]);
    expect(plan.map((group) => group.article)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('keeps the excerpts shown bounded whatever the number of articles', () => {
    const shown = (articles: number): number => planMentionGroups(groups(articles, 20)).reduce((sum, group) => sum + group.shown.length, 0);
    const bound = MENTION_LIMITS.excerptsPerArticle * MENTION_LIMITS.articlesWithExcerpts;
    expect(shown(100)).toBe(bound);
    expect(shown(1000)).toBe(bound);
  });
});
