/** The list of every article (src/lib/pages/article-list.ts): one page while it fits, then a page per year, cut into parts. */
import { describe, expect, it } from 'vitest';
import { ARTICLES_PER_PAGE, groupByYear, planArticleList, yearPagePath } from '../../src/lib/pages/article-list.ts';

const article = (id: string, value: string) => ({ id, data: { date: { value } } });
/** `count` articles of `year`, newest first (ids say their place). */
const ofYear = (year: number, count: number) => Array.from({ length: count }, (_, at) => article(`y${year}-${at}`, `${year}-12`));

describe('groupByYear', () => {
  it('groups consecutive articles by the year of their date, newest first, at any precision', () => {
    const groups = groupByYear([article('a', '2025-03-02'), article('b', '2025'), article('c', '2023-11'), article('d', '2023-01-05')]);
    expect(groups.map(({ year, articles }) => [year, articles.map(({ id }) => id)])).toEqual([[2025, ['a', 'b']], [2023, ['c', 'd']]]);
  });
});

describe('planArticleList', () => {
  it('keeps every article on "articles/", grouped by year, while they fit one page', () => {
    const articles = [...ofYear(2025, 2), ...ofYear(2023, 3)];
    const pages = planArticleList(articles, 5);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.path).toBe('articles/');
    expect(pages[0]!.years).toBeUndefined();
    expect(pages[0]!.groups.map(({ year, articles: listed }) => [year, listed.length])).toEqual([[2025, 2], [2023, 3]]);
  });

  it('past one page, lists the years on "articles/" and gives each year its page, a crowded year numbered parts', () => {
    const articles = [...ofYear(2025, 2), ...ofYear(2024, 7), ...ofYear(2023, 3)];
    const pages = planArticleList(articles, 3);
    expect(pages.map(({ path, part, parts }) => [path, part, parts])).toEqual([
      ['articles/', undefined, undefined],
      ['articles/2025/', undefined, undefined],
      ['articles/2024/', 1, 3],
      ['articles/2024/2/', 2, 3],
      ['articles/2024/3/', 3, 3],
      ['articles/2023/', undefined, undefined],
    ]);
    expect(pages[0]!.years).toEqual([
      { year: 2025, count: 2, path: 'articles/2025/' },
      { year: 2024, count: 7, path: 'articles/2024/' },
      { year: 2023, count: 3, path: 'articles/2023/' },
    ]);
    // Every article on exactly one page, in order, and no page over the bound.
    const listed = pages.flatMap((page) => page.groups.flatMap((group) => group.articles.map(({ id }) => id)));
    expect(listed).toEqual(articles.map(({ id }) => id));
    expect(Math.max(...pages.map((page) => page.groups.reduce((sum, group) => sum + group.articles.length, 0)))).toBe(3);
  });

  it('uses one bound on the site, and year pages at "articles/<year>/"', () => {
    expect(planArticleList(ofYear(2024, ARTICLES_PER_PAGE))).toHaveLength(1);
    expect(planArticleList(ofYear(2024, ARTICLES_PER_PAGE + 1)).map(({ path }) => path)).toEqual(['articles/', 'articles/2024/', 'articles/2024/2/']);
    expect(yearPagePath(2024)).toBe('articles/2024/');
    expect(yearPagePath(2024, 2)).toBe('articles/2024/2/');
  });
});
