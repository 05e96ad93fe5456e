/**
 * Where each event of the timeline is published, so that no timeline page grows with the archive.
 * While every event fits one page, "timeline/" lists them all, as it always has. Past that,
 * "timeline/" is an overview of the years; a year's events are on "timeline/<year>/", a year over
 * the limit is split by the month its events start in ("timeline/<year>/<month>/", and
 * "timeline/<year>/year/" for those dated to the year only), and a month over the limit into numbered
 * parts ("timeline/<year>/<month>/2/", …). Every page that lists events thus lists at most `limit`.
 * Pure: events in (chronological, as the site orders them), pages and addresses out; the site gives
 * pages `site.timeline` and `site.archive.eventPath`.
 */
import { groupBy } from './text.ts';

/**
 * Events per timeline page. A real event is about 1.7 KB of HTML with its chart row (the published
 * timeline: 20 events, 33 KB raw, 8 KB brotli), so 40 events stay near 70 KB raw and far under
 * the 50 KB brotli budget of a listing page, even for events whose text brotli cannot share.
 */
export const TIMELINE_PAGE_LIMIT = 40;

export const TIMELINE_ROOT = 'timeline/';

/** Month key of the events dated to a whole year only (or an interval starting at a bare year). */
export const WHOLE_YEAR = 'year';

export interface TimelineEventInput {
  id: string;
  /** First day the date covers, "YYYY-MM-DD". */
  start: string;
  /** True when the date's start is known to the year only. */
  yearOnly: boolean;
  /** The articles that report it (the one it quotes first). */
  articles: readonly string[];
}

/** A period's figures as an index lists them. */
export interface TimelineSummary {
  path: string;
  label: string;
  events: number;
  /** The articles reporting its events, in order of first appearance. */
  articles: string[];
  /** A month split into parts: each part, the first at the month's own address. */
  parts?: TimelineLink[];
}

export type TimelinePage =
  /** Every event on "timeline/" (the archive fits one page). */
  | { kind: 'all'; path: string; label: string; events: string[] }
  /** "timeline/" past the limit: one row per year. */
  | { kind: 'years'; path: string; label: string; years: TimelineSummary[] }
  /** A year over the limit: one row per month. */
  | { kind: 'months'; path: string; label: string; year: string; months: TimelineSummary[]; prev?: TimelineLink; next?: TimelineLink }
  /** A page of events: a year, a month, or a part of a month. */
  | { kind: 'events'; path: string; label: string; year: string; events: string[]; up: TimelineLink; prev?: TimelineLink; next?: TimelineLink };

export interface TimelineLink {
  path: string;
  label: string;
}

export interface TimelinePlan {
  pages: TimelinePage[];
  /** Each event's page path below the base. */
  pageOf: Map<string, string>;
}

const monthLabel = (year: string, month: string): string => (month === WHOLE_YEAR ? `${year}年（只知年份）` : `${year}年${Number(month)}月`);

function summary(path: string, label: string, events: readonly TimelineEventInput[]): TimelineSummary {
  return { path, label, events: events.length, articles: [...new Set(events.flatMap((event) => event.articles))] };
}

/** Previous and next of each item of a sequence, as links. */
function neighbours<T extends TimelineLink>(sequence: readonly T[], at: number): { prev?: TimelineLink; next?: TimelineLink } {
  const link = (item: T | undefined): TimelineLink | undefined => item && { path: item.path, label: item.label };
  const prev = link(sequence[at - 1]);
  const next = link(sequence[at + 1]);
  return { ...(prev && { prev }), ...(next && { next }) };
}

/**
 * The timeline's pages for `events` in chronological order, and each event's page. `limit` is
 * the most events one page lists (the site uses TIMELINE_PAGE_LIMIT; tests pass small ones).
 */
export function planTimeline(events: readonly TimelineEventInput[], limit = TIMELINE_PAGE_LIMIT): TimelinePlan {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`timeline page limit must be a positive integer, got ${limit}`);
  const pageOf = new Map<string, string>();
  const place = (page: TimelinePage & { events: string[] }): TimelinePage => {
    for (const id of page.events) pageOf.set(id, page.path);
    return page;
  };
  if (events.length <= limit) {
    return { pages: [place({ kind: 'all', path: TIMELINE_ROOT, label: '時間線', events: events.map((event) => event.id) })], pageOf };
  }

  const root: TimelineLink = { path: TIMELINE_ROOT, label: '時間線' };
  const years = groupBy(events, (event) => event.start.slice(0, 4));
  const yearLinks = years.map(([year]) => ({ path: `${TIMELINE_ROOT}${year}/`, label: `${year}年` }));
  const pages: TimelinePage[] = [{ kind: 'years', path: TIMELINE_ROOT, label: '時間線', years: years.map(([, inYear], at) => summary(yearLinks[at]!.path, yearLinks[at]!.label, inYear)) }];

  years.forEach(([year, inYear], at) => {
    const self = yearLinks[at]!;
    const around = neighbours(yearLinks, at);
    if (inYear.length <= limit) {
      pages.push(place({ kind: 'events', ...self, year, events: inYear.map((event) => event.id), up: root, ...around }));
      return;
    }
    // Whole-year events first: they could be any month of it.
    const months = groupBy(inYear, (event) => (event.yearOnly ? WHOLE_YEAR : event.start.slice(5, 7))).sort(([a], [b]) => (a === WHOLE_YEAR ? -1 : b === WHOLE_YEAR ? 1 : a.localeCompare(b)));
    // Parts of at most `limit` events; a month's first part is the month's own address.
    const partsOf = months.map(([month, inMonth]) => {
      const count = Math.ceil(inMonth.length / limit);
      return Array.from({ length: count }, (_, index) => ({
        path: `${self.path}${month}/${index === 0 ? '' : `${index + 1}/`}`,
        label: count === 1 ? monthLabel(year, month) : `${monthLabel(year, month)}・第 ${index + 1}／${count} 部分`,
        events: inMonth.slice(index * limit, (index + 1) * limit).map((event) => event.id),
      }));
    });
    pages.push({
      kind: 'months',
      ...self,
      year,
      months: months.map(([month, inMonth], at) => {
        const parts = partsOf[at]!;
        return { ...summary(`${self.path}${month}/`, monthLabel(year, month), inMonth), ...(parts.length > 1 && { parts: parts.map(({ path, label }) => ({ path, label })) }) };
      }),
      ...around,
    });
    const parts = partsOf.flat();
    parts.forEach((part, index) => pages.push(place({ kind: 'events', ...part, year, up: self, ...neighbours(parts, index) })));
  });
  return { pages, pageOf };
}

/** Where an event is: its page and its entry ("timeline/2023/02/#event-<id>"). */
export function eventAddress(plan: TimelinePlan, id: string): string {
  const page = plan.pageOf.get(id);
  if (page === undefined) throw new Error(`unknown event id "${id}"`);
  return `${page}#event-${id}`;
}

/** How many articles of one page get a colour of their own (--a0…--a5 in src/styles/article-colours.css). */
export const ARTICLE_PALETTE_SIZE = 6;

/**
 * Where the events that were published on "timeline/" went once it became an overview: one move
 * per recorded id ("event-<id>", from the permalink manifest) of an event now on another page, and
 * the chart's ids to the list of years ("#events" on the overview too). The build makes each real as
 * a declared move is (scripts/build/redirects.ts), so old links land.
 */
export function timelineMoves(plan: TimelinePlan, recordedIds: readonly string[]): { from: string; to: string }[] {
  if (plan.pages[0]?.kind !== 'years') return [];
  return recordedIds.flatMap((id) => {
    if (CHART_IDS.includes(id)) return [{ from: `${TIMELINE_ROOT}#${id}`, to: `${TIMELINE_ROOT}#events` }];
    const page = id.startsWith('event-') ? plan.pageOf.get(id.slice('event-'.length)) : undefined;
    return page === undefined ? [] : [{ from: `${TIMELINE_ROOT}#${id}`, to: `${page}#${id}` }];
  });
}

/** The ids of the chart (src/components/TimelineChart.astro), which the overview does not draw. */
const CHART_IDS: readonly string[] = ['tl-title', 'tl-desc', 'tl-cap'];

/**
 * Colours of the articles on one page, by palette index: the `size` newest get one each, the
 * others none (the legend names them together). `newestFirst` holds the page's articles.
 */
export function articleColours(newestFirst: readonly string[], size: number): { coloured: Map<string, number>; others: string[] } {
  return {
    coloured: new Map(newestFirst.slice(0, size).map((id, index) => [id, index])),
    others: newestFirst.slice(size),
  };
}
