/**
 * What the claims pages show: one page per article (where: `claimsPagePath` in
 * src/lib/content/archive.ts, given to the pages as `site.archive.claimsPath`), each claim numbered
 * on its own page, and which of the other articles' pages "claims/" lists. Pure.
 */

/**
 * Each claim's number on its own page ("第 3 則", "說法3"): its place among its article's
 * claims, in the order given (the site's: article, then place in the text).
 */
export function numberOnPage(claims: readonly { id: string; data: { anchor: { article: string } } }[]): Map<string, number> {
  const seen = new Map<string, number>();
  const numbers = new Map<string, number>();
  for (const claim of claims) {
    const n = (seen.get(claim.data.anchor.article) ?? 0) + 1;
    seen.set(claim.data.anchor.article, n);
    numbers.set(claim.id, n);
  }
  return numbers;
}

/**
 * How many of the other articles' claims pages "claims/" lists by name: enough for the recent
 * stories, few enough that the page stays small at 1,000 articles. Older pages are reached from
 * their article's page and by each claims page's older/newer links.
 */
export const CLAIMS_INDEX_LIMIT = 20;

export interface ClaimsIndex<T> {
  /** Listed by name, newest first. */
  listed: T[];
  /** How many are not listed (older). */
  older: number;
  /** The newest of those not listed, where "claims/" links to continue the chain; undefined when none. */
  next: T | undefined;
}

/** The other articles' claims pages that "claims/" lists, from the articles newest first (the featured one excluded). */
export function planClaimsIndex<T>(newestFirstOthers: readonly T[], limit = CLAIMS_INDEX_LIMIT): ClaimsIndex<T> {
  return {
    listed: newestFirstOthers.slice(0, limit),
    older: Math.max(0, newestFirstOthers.length - limit),
    next: newestFirstOthers[limit],
  };
}

/** The claims pages before and after `id` in newest-first order (newer, older), so that every page is reachable from "claims/". */
export function neighbours<T extends { id: string }>(newestFirstOthers: readonly T[], id: string): { newer: T | undefined; older: T | undefined } {
  const at = newestFirstOthers.findIndex((entry) => entry.id === id);
  if (at === -1) return { newer: undefined, older: undefined };
  return { newer: newestFirstOthers[at - 1], older: newestFirstOthers[at + 1] };
}
