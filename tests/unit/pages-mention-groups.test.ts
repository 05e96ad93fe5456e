import { describe, expect, it } from 'vitest';
import { MENTION_LIMITS, planByArticle, planMentionGroups } from '../../src/lib/pages/mention-groups.ts';

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

describe('planByArticle', () => {
  it('groups claims or events by their article in the order given, keeping their order within each, then plans them as mentions', () => {
    const entries = [
      { id: 'x1', article: 'old' }, { id: 'y1', article: 'new' }, { id: 'x2', article: 'old' }, { id: 'y2', article: 'new' },
    ];
    expect(planByArticle(entries, (entry) => entry.article, ['new', 'old'], limits)).toEqual([
      { article: 'new', all: [entries[1], entries[3]], shown: [entries[1], entries[3]] },
      { article: 'old', all: [entries[0], entries[2]], shown: [entries[0], entries[2]] },
    ]);
  });

  it('stays bounded at 1,000 articles: a few entries for the newest, a compact row for the rest, every entry still in a group', () => {
    const entries = Array.from({ length: 1000 }, (_, a) => Array.from({ length: 5 }, (_, c) => ({ id: `a${a}-c${c}`, article: `a${a}` }))).flat();
    const plan = planByArticle(entries, (entry) => entry.article, Array.from({ length: 1000 }, (_, a) => `a${a}`));
    expect(plan).toHaveLength(1000);
    expect(plan.reduce((sum, group) => sum + group.shown.length, 0)).toBe(MENTION_LIMITS.articlesWithExcerpts * MENTION_LIMITS.excerptsPerArticle);
    expect(plan.reduce((sum, group) => sum + group.all.length, 0)).toBe(5000);
  });
});
