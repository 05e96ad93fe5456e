/**
 * The site's anchors grouped by article, built once per Site. Rendering an article, or its page,
 * then costs that article's own anchors: walking every anchor of the archive for each article
 * would make the build quadratic in the number of articles.
 */
import type { Anchor, Site } from '../content/model.ts';

export interface ArticleAnchors {
  /** [claim id, anchor], in the site's order. */
  claims: [string, Anchor][];
  events: [string, Anchor][];
  fixes: [string, Anchor][];
  /** [person or organization id, anchor], by entity in the site's order, then document order. */
  mentions: [string, Anchor][];
}

export interface SiteIndex {
  /** The anchors of one article (empty lists for an article without any). */
  anchorsOf(articleId: string): ArticleAnchors;
  /** Whether `id` is a person (otherwise an organization). */
  isPerson(id: string): boolean;
}

const indexes = new WeakMap<Site, SiteIndex>();

function buildIndex(site: Site): SiteIndex {
  const byArticle = new Map<string, ArticleAnchors>();
  const of = (articleId: string): ArticleAnchors => {
    let entry = byArticle.get(articleId);
    if (!entry) {
      entry = { claims: [], events: [], fixes: [], mentions: [] };
      byArticle.set(articleId, entry);
    }
    return entry;
  };
  for (const [id, anchor] of site.anchors.claim) of(anchor.article).claims.push([id, anchor]);
  for (const [id, anchor] of site.anchors.event) of(anchor.article).events.push([id, anchor]);
  for (const [id, anchor] of site.anchors.fix) of(anchor.article).fixes.push([id, anchor]);
  for (const [id, list] of site.mentions) for (const anchor of list) of(anchor.article).mentions.push([id, anchor]);
  const people = new Set(site.people.map((person) => person.id));
  return {
    anchorsOf: (articleId) => byArticle.get(articleId) ?? { claims: [], events: [], fixes: [], mentions: [] },
    isPerson: (id) => people.has(id),
  };
}

/** The index of `site`, built on first use and kept as long as the Site is. */
export function siteIndex(site: Site): SiteIndex {
  let index = indexes.get(site);
  if (!index) {
    index = buildIndex(site);
    indexes.set(site, index);
  }
  return index;
}
