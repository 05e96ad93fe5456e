/**
 * How much of each article's mentions (and claims and events) a person's or organisation's page
 * shows. Every entry of every article would grow the page with the archive (megabytes at 1,000
 * articles); past a few articles, each shows a few entries, and past more, only a compact row
 * (title, count, a link to the first entry), so the page grows by one short row per article.
 */
import { byArticle } from './archive.ts';

export interface MentionLimits {
  /** Up to this many articles, every mention of every article is shown, as on a small site. */
  articlesInFull: number;
  /** Past that, the first articles (in the given order) each show this many excerpts … */
  excerptsPerArticle: number;
  /** … up to this many articles; the rest get a compact row. */
  articlesWithExcerpts: number;
}

export const MENTION_LIMITS: MentionLimits = { articlesInFull: 5, excerptsPerArticle: 3, articlesWithExcerpts: 10 };

export interface MentionGroupPlan<T> {
  article: string;
  /** The mentions shown with their excerpts (none for a compact row). */
  shown: T[];
  /** All the article's mentions (the first is where a compact row links). */
  all: T[];
}

/** The groups (in their order) with what each shows. */
export function planMentionGroups<T>(groups: readonly { article: string; anchors: readonly T[] }[], limits: MentionLimits = MENTION_LIMITS): MentionGroupPlan<T>[] {
  const full = groups.length <= limits.articlesInFull;
  return groups.map((group, at) => ({
    article: group.article,
    all: [...group.anchors],
    shown: full ? [...group.anchors] : at < limits.articlesWithExcerpts ? group.anchors.slice(0, limits.excerptsPerArticle) : [],
  }));
}

/**
 * Entries of any kind (claims, events) grouped by the article they come from, in the order of
 * `articleOrder` (the order given kept within each), then planned as mentions are.
 */
export function planByArticle<T>(entries: readonly T[], articleOf: (entry: T) => string, articleOrder: readonly string[], limits: MentionLimits = MENTION_LIMITS): MentionGroupPlan<T>[] {
  const groups = byArticle(entries.map((entry) => ({ article: articleOf(entry), entry })), articleOrder);
  return planMentionGroups(groups, limits).map((group) => ({ article: group.article, shown: group.shown.map(({ entry }) => entry), all: group.all.map(({ entry }) => entry) }));
}
