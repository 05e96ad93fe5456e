import { describe, expect, it } from 'vitest';
import type { SearchData } from '../../src/lib/search/data.ts';
import { articleSourceLabel, articleTitles } from '../../src/lib/search/data.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import { rankPlaces } from '../../src/lib/search/rank.ts';

const articles = [
  { id: 'meta-ai-llama', title: 'LLaMA核心原作多半離職' },
  { id: 'follow-up', title: '一年後的Meta AI：團隊再重組' },
];
const simplify = (text: string): string => text.replace('離職', '离职').replace('後', '后').replace('團隊', '团队').replace('組', '组');

describe('articleTitles', () => {
  it('is empty for a lone article, so its results look as they always did', () => {
    expect(articleTitles(articles.slice(0, 1), (text) => text)).toEqual({});
    expect(articleTitles([], (text) => text)).toEqual({});
  });
  it('gives every article its title in the script of the data file', () => {
    expect(articleTitles(articles, (text) => text)).toEqual({ 'meta-ai-llama': 'LLaMA核心原作多半離職', 'follow-up': '一年後的Meta AI：團隊再重組' });
    expect(articleTitles(articles, simplify)).toEqual({ 'meta-ai-llama': 'LLaMA核心原作多半离职', 'follow-up': '一年后的Meta AI：团队再重组' });
  });
});

describe('articleSourceLabel', () => {
  const titles = articleTitles(articles, (text) => text);
  it('names the article a result comes from', () => {
    expect(articleSourceLabel(titles, 'follow-up')).toBe('出自〈一年後的Meta AI：團隊再重組〉');
  });
  it('says nothing for a place on no article page, an unknown article, or a lone article', () => {
    expect(articleSourceLabel(titles, undefined)).toBeUndefined();
    expect(articleSourceLabel(titles, 'gone')).toBeUndefined();
    expect(articleSourceLabel({}, 'meta-ai-llama')).toBeUndefined();
  });
});

describe('rankPlaces keeps the article of a place', () => {
  const data: SearchData = { lang: 'zh-Hant', script: { chars: {}, phrases: [] }, aliases: [], articles: {}, parts: [] };
  const candidate = { kind: 'passage' as const, title: '段落', people: [], organizations: [], dates: [], score: 1 };
  it('on results from an article page, and on no other', () => {
    const results = rankPlaces(
      [
        { ...candidate, url: '/articles/follow-up/#p-3', content: '算力之爭再起。', article: 'follow-up' },
        { ...candidate, url: '/claims/#claim-1', kind: 'claim', content: '算力之爭由來已久。' },
      ],
      planQuery('算力之爭', data),
    );
    expect(Object.fromEntries(results.map((result) => [result.url, result.article]))).toEqual({
      '/articles/follow-up/#p-3': 'follow-up',
      '/claims/#claim-1': undefined,
    });
  });
});
