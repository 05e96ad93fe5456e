/**
 * The archive as a whole (content/archive.yaml): which article and dispute the site features, and
 * where each article and dispute is published. An address kept from before the archive held
 * several articles is listed in `paths`; every other article is at "articles/<id>/", every other
 * dispute at "disputes/<id>/". The order of folders never decides anything.
 *
 * `planArchive` is pure (ids in, addresses and issues out); `checkArchive` reports its issues
 * against the file.
 */
import type { Context } from './context.ts';
import { q, suggestionHint } from './errors.ts';
import type { Where } from './problems.ts';
import type { Archive } from './schema.ts';

export const ARCHIVE_FILE = 'content/archive.yaml';
export const ARCHIVE_WHERE: Where = { file: ARCHIVE_FILE, collection: 'archive', entry: 'archive' };

/** Top-level page paths the site's own pages use: an article or a dispute placed there would replace one. */
export const RESERVED_SEGMENTS = ['people', 'organizations', 'claims', 'timeline', 'method', 'search', 'zh-hans', 'pagefind', 'dev', '404.html'] as const;

export const defaultArticlePath = (id: string): string => `articles/${id}/`;

/** The list of every article (src/lib/pages/article-list.ts): "articles/" and its year pages "articles/<year>/…". */
export const ARTICLE_LIST_PATH = 'articles/';
export const isArticleListPath = (path: string): boolean => path === ARTICLE_LIST_PATH || /^articles\/\d+\//.test(path);
export const defaultDisputePath = (id: string): string => `disputes/${id}/`;

/**
 * An article's claims page. The featured article's claims stay at "claims/", where every claim was
 * first published (its `claims/#claim-<id>` links keep working); every other article's claims have
 * a page of their own, so that no claims page grows with the archive. Article ids are folder names
 * (lowercase ASCII with hyphens), and nothing else is published under "claims/" (reserved above).
 */
export const claimsPagePath = (featured: string, article: string): string => (article === featured ? 'claims/' : `claims/${article}/`);

export interface ArchivePlan {
  featured: string;
  featuredDispute: string;
  /** Page path below the base, by id. */
  articles: Map<string, string>;
  disputes: Map<string, string>;
}

export interface ArchiveIssue {
  field: string;
  problem: string;
  hint: string;
}

/** Where each article and dispute is published, and what in the archive file is wrong. */
export function planArchive(archive: Archive, articleIds: readonly string[], disputeIds: readonly string[]): { plan: ArchivePlan; issues: ArchiveIssue[] } {
  const issues: ArchiveIssue[] = [];
  if (!articleIds.includes(archive.featured)) {
    issues.push({ field: 'featured', problem: `unknown article id ${q(archive.featured)}`, hint: `Name the article the home page presents (a folder of content/articles/). ${suggestionHint(archive.featured, articleIds, 'article id')}` });
  }
  if (!disputeIds.includes(archive.featuredDispute)) {
    issues.push({ field: 'featuredDispute', problem: `unknown dispute id ${q(archive.featuredDispute)}`, hint: `Name the dispute the navigation links to (a file of content/disputes/). ${suggestionHint(archive.featuredDispute, disputeIds, 'dispute id')}` });
  }
  const place = (kind: 'articles' | 'disputes', ids: readonly string[], fallback: (id: string) => string): Map<string, string> => {
    const declared = archive.paths[kind];
    for (const id of Object.keys(declared)) {
      if (!ids.includes(id)) {
        const noun = kind === 'articles' ? 'article' : 'dispute';
        issues.push({ field: `paths.${kind}.${id}`, problem: `unknown ${noun} id ${q(id)}`, hint: `List only ${noun}s of content/${kind}/, or remove the entry. ${suggestionHint(id, ids, `${noun} id`)}` });
      }
    }
    return new Map(ids.map((id) => [id, declared[id] ?? fallback(id)]));
  };
  const articles = place('articles', articleIds, defaultArticlePath);
  const disputes = place('disputes', disputeIds, defaultDisputePath);

  // Each address holds one page: two entries on one path, or an entry on a page of the site, would replace a page.
  const owners = new Map<string, string>();
  const claim = (kind: 'articles' | 'disputes', id: string, path: string): void => {
    const declared = archive.paths[kind][id] !== undefined;
    const field = declared ? `paths.${kind}.${id}` : `paths.${kind}`;
    const who = `${kind === 'articles' ? 'article' : 'dispute'} ${q(id)}`;
    const segment = path.split('/')[0]!;
    if ((RESERVED_SEGMENTS as readonly string[]).includes(segment)) {
      issues.push({ field, problem: `${who} is placed at ${q(path)}, inside ${q(`${segment}/`)}, where the site's own pages are`, hint: `Choose a path outside ${RESERVED_SEGMENTS.map((s) => q(`${s}/`)).join(', ')}, or leave the entry out (it is then published at ${q(kind === 'articles' ? defaultArticlePath(id) : defaultDisputePath(id))}).` });
      return;
    }
    if (isArticleListPath(path)) {
      const hint = kind === 'articles' && !declared ? `Give the article an id that is not a number (its folder's name), or declare another path under ${q('paths.articles')}.` : `Choose a path other than ${q(ARTICLE_LIST_PATH)} and ${q('articles/<year>/')}.`;
      issues.push({ field, problem: `${who} is placed at ${q(path)}, where the list of all articles is`, hint });
      return;
    }
    const other = owners.get(path);
    if (other) {
      issues.push({ field, problem: `${who} is placed at ${q(path)}, which is already the address of ${other}`, hint: 'Give each article and dispute its own path; a published address stays with the entry that first had it.' });
      return;
    }
    owners.set(path, who);
  };
  // Declared addresses first: they are the published ones, and a default that lands on one is the entry to move.
  for (const [kind, map] of [['articles', articles], ['disputes', disputes]] as const) {
    for (const [id, path] of map) if (archive.paths[kind][id] !== undefined) claim(kind, id, path);
  }
  for (const [kind, map] of [['articles', articles], ['disputes', disputes]] as const) {
    for (const [id, path] of map) if (archive.paths[kind][id] === undefined) claim(kind, id, path);
  }
  return { plan: { featured: archive.featured, featuredDispute: archive.featuredDispute, articles, disputes }, issues };
}

/** The plan of the loaded archive file; undefined (with a problem) when it is missing or invalid. */
export function checkArchive(context: Context, archive: Archive | undefined): ArchivePlan | undefined {
  if (!archive) return undefined;
  const { known } = context.references;
  const disputeIds = [...context.disputes.keys()];
  const { plan, issues } = planArchive(archive, [...known.article], disputeIds);
  for (const issue of issues) context.problems.add(ARCHIVE_WHERE, issue.field, issue.problem, issue.hint);
  return plan;
}
