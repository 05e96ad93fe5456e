/**
 * What the checks after loading share. They look only at usable entries: one without data has
 * already reported why, and a duplicate would be checked (and reported) twice.
 */
import type { Collections, Loaded, LoadedArticle } from './collections.ts';
import type { Problems } from './problems.ts';
import type { References } from './references.ts';
import { PassageBudget } from './text-quote.ts';
import type { Claim, Dispute, Event, Organization, Paper, Person } from './schema.ts';

export interface Context {
  root: string;
  problems: Problems;
  references: References;
  /** Usable entries (data, and an id no earlier entry took), by id, in loading order. */
  articles: Map<string, LoadedArticle>;
  people: Map<string, Loaded<Person>>;
  organizations: Map<string, Loaded<Organization>>;
  papers: Map<string, Loaded<Paper>>;
  events: Map<string, Loaded<Event>>;
  claims: Map<string, Loaded<Claim>>;
  disputes: Map<string, Loaded<Dispute>>;
  /** Shared by every "closest passage" hint of one validation, so that many misses cannot stall it. */
  passageBudget: PassageBudget;
}

export function createContext(root: string, problems: Problems, collections: Collections, duplicates: Set<Loaded<unknown>>, references: References): Context {
  const usable = <E extends Loaded<unknown>>(entries: readonly E[]): Map<string, E> => {
    const byId = new Map<string, E>();
    for (const entry of entries) if (entry.data && entry.id && !duplicates.has(entry)) byId.set(entry.id, entry);
    return byId;
  };
  return {
    root,
    problems,
    references,
    articles: usable(collections.articles),
    people: usable(collections.people),
    organizations: usable(collections.organizations),
    papers: usable(collections.papers),
    events: usable(collections.events),
    claims: usable(collections.claims),
    disputes: usable(collections.disputes),
    passageBudget: new PassageBudget(),
  };
}
