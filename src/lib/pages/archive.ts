/**
 * What the pages say about the archive as a whole: its stories newest first, the figures of the
 * archive and of one article, and mentions grouped by the article they are in. Pure: the pages
 * pass the validated site's entries.
 */
import { parseDate } from '../content/date-values.ts';

interface Dated {
  id: string;
  data: { date: { value: string } };
}

/** Newest first: by the last day the date can be, then the first (of two ending alike, "2023-12" before "2023"), then id. */
export function newestFirst<T extends Dated>(articles: readonly T[]): T[] {
  const span = new Map(articles.map((article) => [article.id, parseDate(article.data.date.value)]));
  return [...articles].sort((a, b) => {
    const left = span.get(a.id)!;
    const right = span.get(b.id)!;
    if (left.end !== right.end) return left.end < right.end ? 1 : -1;
    if (left.start !== right.start) return left.start < right.start ? 1 : -1;
    return a.id.localeCompare(b.id);
  });
}

/**
 * Who a figure counted over the whole archive comes from: "文章" while the site has one article
 * (its pages read as they always have), "N 篇文章" once it has more, so "文章提到的 40 個事件"
 * never counts the events of several articles as if one article told them all.
 */
export function reportersPhrase(articleCount: number): string {
  return articleCount > 1 ? `${articleCount} 篇文章` : '文章';
}

/** What one article contributes: the people it names, the events and claims anchored in it, its itemised repairs. */
export interface ArticleFigures {
  peopleNamed: number;
  events: number;
  claims: number;
  repairs: number;
}

export function articleFigures(
  articleId: string,
  site: {
    people: readonly { id: string }[];
    mentions: ReadonlyMap<string, readonly { article: string }[]>;
    events: readonly { data: { anchor: { article: string } } }[];
    claims: readonly { data: { anchor: { article: string } } }[];
    articles: readonly { id: string; data: { corrections: { instances: readonly unknown[] } } }[];
  },
): ArticleFigures {
  const inArticle = (entry: { data: { anchor: { article: string } } }): boolean => entry.data.anchor.article === articleId;
  return {
    peopleNamed: site.people.filter((person) => (site.mentions.get(person.id) ?? []).some((anchor) => anchor.article === articleId)).length,
    events: site.events.filter(inArticle).length,
    claims: site.claims.filter(inArticle).length,
    repairs: site.articles.find((article) => article.id === articleId)?.data.corrections.instances.length ?? 0,
  };
}

/** Anchors grouped by article, in the order of `articleOrder` (document order kept within each). */
export function byArticle<T extends { article: string }>(anchors: readonly T[], articleOrder: readonly string[]): { article: string; anchors: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const anchor of anchors) {
    const list = groups.get(anchor.article);
    if (list) list.push(anchor);
    else groups.set(anchor.article, [anchor]);
  }
  const position = new Map(articleOrder.map((id, at) => [id, at]));
  const rank = (id: string): number => position.get(id) ?? articleOrder.length;
  return [...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([article, list]) => ({ article, anchors: list }));
}
