/**
 * The Site model assembled from the checked entries: the order of each collection, lookups by id,
 * the anchors and mentions found in the articles, the paper rosters, and the figures derived from
 * them (never typed into content). Runs only when no check found a problem.
 */
import type { Quotes } from './anchors.ts';
import { claimsPagePath, type ArchivePlan } from './archive.ts';
import type { Loaded } from './collections.ts';
import type { Context } from './context.ts';
import type { Dates } from './dates.ts';
import { FIGURE_PAPERS, type Anchor, type ArticleEntry, type Entry, type Site } from './model.ts';
import { rosterCounts, rosterRows, type RosterRow } from './rosters.ts';
import { eventAddress, planTimeline } from '../pages/timeline-pages.ts';

/** What the checks found in the articles. */
export interface Found {
  dates: Dates;
  quotes: Quotes;
  /** Repair anchors, by repair id. */
  fixes: Map<string, Anchor>;
  mentions: Map<string, Anchor[]>;
  archive: ArchivePlan;
}

export function assembleSite(context: Context, { dates, quotes, fixes, mentions, archive }: Found): Site {
  const entry = <T>(loaded: Loaded<T>): Entry<T> => ({ id: loaded.id!, file: loaded.file, data: loaded.data! });
  const articleEntries: ArticleEntry[] = [...context.articles.values()].map((article) => ({ ...entry(article), body: article.body, blocks: article.blocks }));
  const peopleEntries = [...context.people.values()]
    .map(entry)
    .sort((a, b) => (a.data.name.latin ?? a.data.name.zh).localeCompare(b.data.name.latin ?? b.data.name.zh, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  const orgEntries = [...context.organizations.values()].map(entry);
  const paperEntries = [...context.papers.values()].map(entry);
  const eventEntries = [...context.events.values()]
    .sort((a, b) => {
      const left = dates.events.get(a.id!)!;
      const right = dates.events.get(b.id!)!;
      return left.start.localeCompare(right.start) || a.order - b.order;
    })
    .map(entry);
  const position = (key: string) => quotes.positions.get(key) ?? { article: 0, block: 0, start: 0 };
  const claimEntries = [...context.claims.values()]
    .sort((a, b) => {
      const left = position(`claim:${a.id}`);
      const right = position(`claim:${b.id}`);
      return left.article - right.article || left.block - right.block || left.start - right.start || a.order - b.order;
    })
    .map(entry);
  const disputeEntries = [...context.disputes.values()].map(entry);

  const lookup = <T>(entries: Entry<T>[], kind: string) => {
    const map = new Map(entries.map((e) => [e.id, e]));
    return (id: string): Entry<T> => {
      const found = map.get(id);
      if (!found) throw new Error(`unknown ${kind} id "${id}"`);
      return found;
    };
  };
  const getPerson = lookup(peopleEntries, 'person');
  const getOrganization = lookup(orgEntries, 'organization');
  const articleMap = new Map(articleEntries.map((a) => [a.id, a]));
  const getArticle = (id: string): ArticleEntry => {
    const found = articleMap.get(id);
    if (!found) throw new Error(`unknown article id "${id}"`);
    return found;
  };
  const getClaim = lookup(claimEntries, 'claim');

  const rosters = new Map<string, RosterRow[]>(paperEntries.map((paper) => [paper.id, rosterRows(paper.id, paper.data)]));
  const countsOf = (paperId: string) => rosterCounts(rosters.get(paperId) ?? []);
  const llama = countsOf(FIGURE_PAPERS.llama);
  const opt = countsOf(FIGURE_PAPERS.opt);

  // The articles that report each event: the one it quotes, then those of its accounts.
  const eventReporters = new Map(
    eventEntries.map((event) => [event.id, [...new Set([event.data.anchor.article, ...event.data.accounts.map((account) => getClaim(account.claim).data.anchor.article)])]]),
  );
  // The timeline's pages, so that every link to an event names the page it is on.
  const timeline = planTimeline(
    eventEntries.map((event) => {
      const date = dates.events.get(event.id)!;
      return { id: event.id, start: date.start, yearOnly: date.precision === 'year', articles: eventReporters.get(event.id)! };
    }),
  );

  const getDispute = lookup(disputeEntries, 'dispute');
  const placed = (paths: Map<string, string>, kind: string) => (id: string): string => {
    const path = paths.get(id);
    if (path === undefined) throw new Error(`unknown ${kind} id "${id}"`);
    return path;
  };

  return {
    root: context.root,
    articles: articleEntries,
    people: peopleEntries,
    organizations: orgEntries,
    papers: paperEntries,
    events: eventEntries,
    claims: claimEntries,
    disputes: disputeEntries,
    get: {
      person: getPerson,
      organization: getOrganization,
      event: lookup(eventEntries, 'event'),
      claim: getClaim,
      paper: lookup(paperEntries, 'paper'),
      article: getArticle,
      dispute: getDispute,
      source: (id: string) => {
        if (context.people.has(id)) {
          const person = getPerson(id).data;
          return { kind: 'person' as const, id, name: person.name.latin ?? person.name.zh };
        }
        if (context.organizations.has(id)) return { kind: 'organization' as const, id, name: getOrganization(id).data.name.zh };
        throw new Error(`unknown person or organization id "${id}"`);
      },
    },
    archive: {
      featured: articleMap.get(archive.featured)!,
      featuredDispute: getDispute(archive.featuredDispute),
      articlePath: placed(archive.articles, 'article'),
      disputePath: placed(archive.disputes, 'dispute'),
      claimsPath: (id: string) => claimsPagePath(archive.featured, getArticle(id).id),
      claimPath: (id: string) => `${claimsPagePath(archive.featured, getClaim(id).data.anchor.article)}#claim-${id}`,
      eventPath: (id: string) => eventAddress(timeline, id),
    },
    timeline,
    eventReporters,
    anchors: { claim: quotes.anchors.claim, event: quotes.anchors.event, fix: fixes },
    mentions,
    rosters,
    figures: {
      llamaAuthors: llama.authors,
      optAuthors: opt.authors,
      peopleNamed: peopleEntries.filter((person) => (mentions.get(person.id)?.length ?? 0) > 0).length,
      events: eventEntries.length,
      claims: claimEntries.length,
    },
  };
}
