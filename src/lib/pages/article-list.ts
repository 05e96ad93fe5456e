/**
 * The list of every article, newest first, kept to pages a reader can scan. The home page shows
 * the newest few; `articles/` holds them all, grouped by year, while they fit one page; past that,
 * `articles/` lists the years and each year has its page (`articles/<year>/`), cut into numbered
 * parts (`articles/<year>/2/`, …) when one year holds more than a page. An article stays on its
 * year's page for good; only a crowded year's parts shift as articles are added.
 *
 * Pure: articles (already newest first) in, pages out. The addresses `articles/` and
 * `articles/<digits>/…` are reserved for these pages (`isArticleListPath`, src/lib/content/archive.ts).
 */
import { parseDate } from '../content/date-values.ts';
import { ARTICLE_LIST_PATH } from '../content/archive.ts';

/** Stories on the home page before it links to the whole list. */
export const HOME_STORIES = 10;
/** Articles on one page of the list: one line each, about 80 bytes with brotli, 8 KB a page. */
export const ARTICLES_PER_PAGE = 100;

interface Dated { id: string; data: { date: { value: string } } }

export interface YearGroup<T> { year: number; articles: T[] }

export interface ArticleListPage<T> {
  path: string;
  /** The year of a year page; undefined for `articles/`. */
  year?: number;
  /** Part number (1-based) and count of a year cut into parts. */
  part?: number;
  parts?: number;
  /** The articles this page lists, grouped by year, newest first. */
  groups: YearGroup<T>[];
  /** On `articles/` of a long archive: every year with its count and first page. */
  years?: { year: number; count: number; path: string }[];
}

// The year of the date's last day, as the list is sorted by it.
const yearOf = (article: Dated): number => Number(parseDate(article.data.date.value).end.slice(0, 4));

export const yearPagePath = (year: number, part = 1): string => `${ARTICLE_LIST_PATH}${year}/${part > 1 ? `${part}/` : ''}`;

/** Consecutive runs of articles of the same year (the input is newest first). */
export function groupByYear<T extends Dated>(articles: readonly T[]): YearGroup<T>[] {
  const groups: YearGroup<T>[] = [];
  for (const article of articles) {
    const year = yearOf(article);
    const last = groups.at(-1);
    if (last?.year === year) last.articles.push(article);
    else groups.push({ year, articles: [article] });
  }
  return groups;
}

/** The pages of the list. `perPage` is a parameter for tests; the site uses ARTICLES_PER_PAGE. */
export function planArticleList<T extends Dated>(newestFirst: readonly T[], perPage = ARTICLES_PER_PAGE): ArticleListPage<T>[] {
  const groups = groupByYear(newestFirst);
  if (newestFirst.length <= perPage) return [{ path: ARTICLE_LIST_PATH, groups }];
  const pages: ArticleListPage<T>[] = [
    { path: ARTICLE_LIST_PATH, groups: [], years: groups.map(({ year, articles }) => ({ year, count: articles.length, path: yearPagePath(year) })) },
  ];
  for (const { year, articles } of groups) {
    const parts = Math.ceil(articles.length / perPage);
    for (let part = 1; part <= parts; part += 1) {
      pages.push({
        path: yearPagePath(year, part),
        year,
        ...(parts > 1 ? { part, parts } : {}),
        groups: [{ year, articles: articles.slice((part - 1) * perPage, part * perPage) }],
      });
    }
  }
  return pages;
}
