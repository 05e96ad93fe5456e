/**
 * The search engine in the browser: Pagefind for candidates, then the project's own checks
 * (src/lib/search/rank.ts) for what is a result and in what order. Loaded on first use only.
 *
 * Pagefind picks its index from <html lang> (zh-hant or zh-hans); the per-script data file is
 * picked the same way, so a page always searches the places of its own script.
 */
import { searchDataFile, searchLangOf } from '../lib/search/data.ts';
import type { DisputeSide, PlaceKind, SearchData } from '../lib/search/data.ts';
import { onSides, placesOfRecord } from '../lib/search/grouping.ts';
import type { RecordFragment } from '../lib/search/grouping.ts';
import { planQuery } from '../lib/search/query.ts';
import { rankPlaces } from '../lib/search/rank.ts';
import type { Candidate, Place } from '../lib/search/rank.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<RecordFragment>;
}

type PagefindFilters = Record<string, string | { any: string[] } | { all: string[] }>;

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchOptions {
  /** Most results wanted. */
  limit?: number;
  /** Only places of these kinds / concerning these sides of the dispute. */
  kinds?: readonly PlaceKind[];
  sides?: readonly DisputeSide[];
  /** Only places on the pages of these articles (ids). */
  articles?: readonly string[];
}

export interface SearchOutcome {
  query: string;
  places: Place[];
  /** True when candidates were left unchecked because `limit` results were found. */
  more: boolean;
}

export interface SearchEngine {
  search(query: string, options?: SearchOptions): Promise<SearchOutcome>;
  /** Each article's title in the page's script, by id; empty for a lone article. */
  articles: Readonly<Record<string, string>>;
}

/** Candidates checked in one round beyond the number of results wanted. */
const EXTRA_CHECKS = 4;
/** At most this many candidates checked per result wanted, and never fewer than MIN_CHECKS in all. */
const CHECKS_PER_RESULT = 3;
const MIN_CHECKS = 16;

/** The places of a Pagefind record (src/lib/search/grouping.ts) that keep to the search's sides; kind and article are the whole record's. */
function toCandidates(fragment: RecordFragment, score: number, sides: readonly DisputeSide[] | undefined): Candidate[] {
  return onSides(placesOfRecord(fragment), sides).map((place) => ({ ...place, score }));
}

async function createEngine(base: string): Promise<SearchEngine> {
  const lang = searchLangOf(document.documentElement.getAttribute('lang'));
  const bundle = `${base}pagefind/`;
  const [pagefind, data] = await Promise.all([
    import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>,
    fetch(`${bundle}${searchDataFile(lang)}`).then((response) => {
      if (!response.ok) throw new Error(`search data: HTTP ${response.status}`);
      return response.json() as Promise<SearchData>;
    }),
  ]);
  // One small index in the page's own thread: a worker would cost another download.
  await pagefind.options({ basePath: bundle, noWorker: true });
  await pagefind.init();
  // A large archive's index comes in parts: each part's entry and record list load now, and
  // every search asks all of them (Pagefind orders their results together by score).
  await Promise.all(data.parts.map((part) => pagefind.mergeIndex(`${bundle}${part}`)));
  // The same word breaks Pagefind applies to a query in this language.
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const segment = (text: string): string[] => [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
  // Fragments already read, by Pagefind result id.
  const fragments = new Map<string, Promise<RecordFragment>>();
  const fragment = (result: PagefindResult): Promise<RecordFragment> => {
    let promise = fragments.get(result.id);
    if (!promise) fragments.set(result.id, (promise = result.data()));
    return promise;
  };

  return {
    articles: data.articles,
    async search(query, options = {}) {
      const limit = options.limit ?? 8;
      const plan = planQuery(query, data, segment);
      if (plan.searches.length === 0 && plan.people.length + plan.organizations.length === 0 && !plan.date) {
        return { query: plan.query, places: [], more: false };
      }
      const scope: PagefindFilters = {};
      if (options.kinds?.length) scope.kind = { any: [...options.kinds] };
      if (options.sides?.length) scope.side = { any: [...options.sides] };
      if (options.articles?.length) scope.article = { any: [...options.articles] };

      // Candidates are checked in an order that reads the right ones first, so the search can
      // stop early: the places that are what the query names (the person's or organisation's
      // own page and index entry, the events of the month); the best few text candidates (places
      // with the retrieval term of the query's usual spelling); every other place about the
      // person, organisation or month; the other text candidates. Only if too few of those are
      // results are the query's other spellings asked for (each may need another index chunk).
      type Response = Promise<{ results: PagefindResult[] } | null>;
      const filtered = (filters: PagefindFilters, kind?: PlaceKind): Response => {
        if (kind && options.kinds?.length && !options.kinds.includes(kind)) return Promise.resolve(null);
        return pagefind.search(null, { filters: { ...scope, ...filters, ...(kind ? { kind } : {}) } });
      };
      const texts = (terms: readonly string[]): Response[] => terms.map((term) => pagefind.search(term, { filters: scope }));
      const results = async (responses: Response[]): Promise<PagefindResult[]> =>
        (await Promise.all(responses)).flatMap((response) => response?.results ?? []).sort((a, b) => b.score - a.score);
      const named: Response[] = [];
      const about: Response[] = [];
      // A query of several parts ("Joulin 蘋果"): the places about everyone it names, holding its
      // other words, come first.
      if (plan.parts.length > 1) {
        const together = (ids: readonly string[]): { all: string[] } | undefined => (ids.length > 0 ? { all: [...ids] } : undefined);
        const people = together(plan.people);
        const organizations = together(plan.organizations);
        const textPart = plan.parts.some((part) => part.people.length + part.organizations.length === 0);
        named.push(
          pagefind.search(textPart ? (plan.searches[0] ?? null) : null, {
            filters: { ...scope, ...(people ? { person: people } : {}), ...(organizations ? { org: organizations } : {}) },
          }),
        );
      }
      // Exactly the own pages and index entries: every place that mentions the person or
      // organisation would fill the first checks and leave the article's passages unread.
      const entities = [...plan.people.map((person) => `person:${person}`), ...plan.organizations.map((organization) => `organization:${organization}`)];
      if (entities.length > 0) named.push(filtered({ is: { any: entities } }));
      if (plan.people.length > 0) about.push(filtered({ person: { any: plan.people } }));
      if (plan.date) {
        named.push(filtered({ date: plan.date.filter }, 'event'));
        about.push(filtered({ date: plan.date.filter }));
      }
      if (plan.organizations.length > 0) about.push(filtered({ org: { any: plan.organizations } }));
      // Only text searches rank by relevance (filter-only results all score alike).
      const relevance = new Map<string, number>();
      const stages: Array<() => Promise<PagefindResult[]>> = [
        async () => {
          const [first, namedResults, aboutResults] = await Promise.all([
            results(texts(plan.searches.slice(0, 1))),
            results(named),
            results(about),
          ]);
          first.forEach((result) => relevance.set(result.id, result.score));
          return [...namedResults, ...first.slice(0, limit), ...aboutResults, ...first];
        },
        async () => {
          const others = await results(texts(plan.searches.slice(1)));
          others.forEach((result) => relevance.set(result.id, Math.max(relevance.get(result.id) ?? 0, result.score)));
          return others;
        },
      ];

      const queue: PagefindResult[] = [];
      const queued = new Set<string>();
      const candidates: Candidate[] = [];
      // Each fragment file is a request: check a few more than needed, and more only if too few pass.
      const batchSize = limit + EXTRA_CHECKS;
      const maxChecks = Math.max(MIN_CHECKS, limit * CHECKS_PER_RESULT);
      let checked = 0;
      let places: Place[] = [];
      for (const stage of stages) {
        for (const result of await stage()) {
          if (queued.has(result.id)) continue;
          queued.add(result.id);
          queue.push(result);
        }
        while (checked < queue.length && checked < maxChecks && places.length < limit) {
          const batch = queue.slice(checked, Math.min(checked + batchSize, maxChecks));
          checked += batch.length;
          const loaded = await Promise.all(batch.map(fragment));
          loaded.forEach((item, index) => candidates.push(...toCandidates(item, relevance.get(batch[index]!.id) ?? 0, options.sides)));
          places = rankPlaces(candidates, plan);
        }
        if (places.length >= limit || checked >= maxChecks) break;
      }
      return {
        query: plan.query,
        places: places.slice(0, limit),
        more: places.length > limit || (places.length === limit && checked < queue.length),
      };
    },
  };
}

const engines = new Map<string, Promise<SearchEngine>>();

/** The engine for the site at `base` (loaded once per page). */
export function loadSearchEngine(base: string): Promise<SearchEngine> {
  let engine = engines.get(base);
  if (!engine) {
    engine = createEngine(base);
    engines.set(base, engine);
    // A failed load (offline, missing index) may be retried on the next search.
    engine.catch(() => engines.delete(base));
  }
  return engine;
}
