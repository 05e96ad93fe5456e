/**
 * The Site model that pages consume, once content/ has passed every check (src/lib/content/index.ts).
 */
import type { Block } from './article-text.ts';
import type { RosterRow } from './rosters.ts';
import type { TimelinePlan } from '../pages/timeline-pages.ts';
import type { Article, Claim, Dispute, Event, Organization, Paper, Person } from './schema.ts';

export interface Entry<T> {
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: T;
}

/** A quote resolved in an article body. */
export interface Anchor {
  article: string;
  /** 'p-12' (paragraph), a heading id, 'item-3' (list item). */
  blockId: string;
  /** 'claim-<id>' | 'event-<id>' | 'fix-<id>' | 'mention-<person or organization>-<n>'. */
  elementId: string;
  /** The exact quoted text (empty for a repair that deleted text). */
  quote: string;
  /** The whole block text (for excerpts). */
  context: string;
  /** Offsets of the quote in `context` (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface ArticleEntry extends Entry<Article> {
  /** The restored Markdown body. */
  body: string;
  /** Document order; paragraph ids p-1…, figures figure-1…, list items item-1…. */
  blocks: Block[];
}

export interface Site {
  root: string;
  articles: ArticleEntry[];
  /** Sorted by Latin name. */
  people: Entry<Person>[];
  organizations: Entry<Organization>[];
  papers: Entry<Paper>[];
  /** Chronological: by the start of the date interval, then by file order. */
  events: Entry<Event>[];
  /** Document order of their anchors. */
  claims: Entry<Claim>[];
  disputes: Entry<Dispute>[];
  get: {
    person(id: string): Entry<Person>;
    organization(id: string): Entry<Organization>;
    event(id: string): Entry<Event>;
    claim(id: string): Entry<Claim>;
    paper(id: string): Entry<Paper>;
    article(id: string): ArticleEntry;
    dispute(id: string): Entry<Dispute>;
    /** Person or organization, for claim.by. */
    source(id: string): { kind: 'person' | 'organization'; id: string; name: string };
  };
  /** content/archive.yaml: what the site features, and where each article and dispute is published. */
  archive: {
    /** The article the home page, /method/ and the navigation present. */
    featured: ArticleEntry;
    /** The dispute the navigation links to. */
    featuredDispute: Entry<Dispute>;
    /** The page path below the base ("article/", "articles/followup/"). */
    articlePath(id: string): string;
    disputePath(id: string): string;
    /** The page path of an article's claims ("claims/" for the featured article, "claims/<id>/" for the others). */
    claimsPath(article: string): string;
    /** A claim's address below the base: its article's claims page and its entry ("claims/#claim-<id>"). */
    claimPath(claim: string): string;
    /** An event's address below the base: its timeline page and its entry ("timeline/#event-<id>"; src/lib/pages/timeline-pages.ts). */
    eventPath(event: string): string;
  };
  /** The timeline's pages and the page of each event (src/lib/pages/timeline-pages.ts). */
  timeline: TimelinePlan;
  /** The articles that report each event, by event id: the one it quotes, then those of its accounts. */
  eventReporters: Map<string, string[]>;
  anchors: { claim: Map<string, Anchor>; event: Map<string, Anchor>; fix: Map<string, Anchor> };
  /** Every occurrence of a person or organization mention form, document order, by entity id. */
  mentions: Map<string, Anchor[]>;
  /** By paper id. */
  rosters: Map<string, RosterRow[]>;
  /** Derived figures, computed from the data (never typed). */
  figures: {
    /** Authors on each headline paper's roster; what the article says of each is counted from the rosters. */
    llamaAuthors: number;
    optAuthors: number;
    /** People with at least one mention in an article. */
    peopleNamed: number;
    events: number;
    claims: number;
  };
}

/** The paper ids behind the headline figures. */
export const FIGURE_PAPERS = { llama: 'llama-2023', opt: 'opt-2022' } as const;
