/** Where each event of the timeline is published (src/lib/pages/timeline-pages.ts): one page while they fit, then years, months and parts. */
import { describe, expect, it } from 'vitest';
import { articleColours, eventAddress, planTimeline, TIMELINE_PAGE_LIMIT, timelineMoves, type TimelineEventInput, type TimelinePage } from '../../src/lib/pages/timeline-pages.ts';

const event = (id: string, start: string, articles: string[] = ['a'], yearOnly = false): TimelineEventInput => ({ id, start, yearOnly, articles });
/** `count` events starting on `start`, ids prefixed. */
const many = (prefix: string, count: number, start: string, articles: string[] = ['a']): TimelineEventInput[] =>
  Array.from({ length: count }, (_, index) => event(`${prefix}${index}`, start, articles));
const paths = (pages: readonly TimelinePage[]): string[] => pages.map((page) => page.path);
const listed = (page: TimelinePage): string[] => (page.kind === 'events' || page.kind === 'all' ? page.events : []);

describe('planTimeline', () => {
  it('keeps every event on "timeline/" while they fit one page, the limit included', () => {
    const events = many('e', 4, '2023-02-01');
    const plan = planTimeline(events, 4);
    expect(plan.pages).toEqual([{ kind: 'all', path: 'timeline/', label: '時間線', events: ['e0', 'e1', 'e2', 'e3'] }]);
    expect(eventAddress(plan, 'e2')).toBe('timeline/#event-e2');
    expect(planTimeline([], 4).pages).toEqual([{ kind: 'all', path: 'timeline/', label: '時間線', events: [] }]);
  });

  it('splits by year past the limit, with the overview listing counts and articles, and neighbours by year', () => {
    const events = [...many('x', 2, '2021-05-01', ['a']), ...many('y', 3, '2022-01-01', ['b', 'a']), event('z', '2023-03-01', ['c'])];
    const plan = planTimeline(events, 4);
    expect(paths(plan.pages)).toEqual(['timeline/', 'timeline/2021/', 'timeline/2022/', 'timeline/2023/']);
    const [overview, first, middle, last] = plan.pages;
    expect(overview).toEqual({
      kind: 'years',
      path: 'timeline/',
      label: '時間線',
      years: [
        { path: 'timeline/2021/', label: '2021年', events: 2, articles: ['a'] },
        { path: 'timeline/2022/', label: '2022年', events: 3, articles: ['b', 'a'] },
        { path: 'timeline/2023/', label: '2023年', events: 1, articles: ['c'] },
      ],
    });
    expect(first).toMatchObject({ kind: 'events', year: '2021', up: { path: 'timeline/' }, next: { path: 'timeline/2022/', label: '2022年' } });
    expect(first).not.toHaveProperty('prev');
    expect(middle).toMatchObject({ prev: { path: 'timeline/2021/' }, next: { path: 'timeline/2023/' } });
    expect(last).not.toHaveProperty('next');
    expect(eventAddress(plan, 'y1')).toBe('timeline/2022/#event-y1');
  });

  it('splits a year over the limit by month, year-only events first, and a month over it into numbered parts', () => {
    const events = [event('only-year', '2023-01-01', ['a'], true), ...many('feb', 7, '2023-02-01'), ...many('may', 2, '2023-05-10'), event('next', '2024-01-01')];
    const plan = planTimeline(events, 3);
    expect(paths(plan.pages)).toEqual([
      'timeline/',
      'timeline/2023/',
      'timeline/2023/year/',
      'timeline/2023/02/',
      'timeline/2023/02/2/',
      'timeline/2023/02/3/',
      'timeline/2023/05/',
      'timeline/2024/',
    ]);
    const year = plan.pages[1]!;
    expect(year).toMatchObject({ kind: 'months', year: '2023', next: { path: 'timeline/2024/' } });
    if (year.kind !== 'months') throw new Error('expected the months of 2023');
    expect(year.months.map((month) => [month.path, month.label, month.events, month.parts?.map((part) => part.path)])).toEqual([
      ['timeline/2023/year/', '2023年（只知年份）', 1, undefined],
      ['timeline/2023/02/', '2023年2月', 7, ['timeline/2023/02/', 'timeline/2023/02/2/', 'timeline/2023/02/3/']],
      ['timeline/2023/05/', '2023年5月', 2, undefined],
    ]);
    const part = plan.pages[4]!;
    expect(part).toMatchObject({
      kind: 'events',
      label: '2023年2月・第 2／3 部分',
      up: { path: 'timeline/2023/' },
      prev: { path: 'timeline/2023/02/' },
      next: { path: 'timeline/2023/02/3/' },
      events: ['feb3', 'feb4', 'feb5'],
    });
    expect(plan.pages[7]).toMatchObject({ kind: 'events', prev: { path: 'timeline/2023/' }, up: { path: 'timeline/' } });
    expect(eventAddress(plan, 'feb6')).toBe('timeline/2023/02/3/#event-feb6');
    expect(eventAddress(plan, 'only-year')).toBe('timeline/2023/year/#event-only-year');
  });

  it('places every event exactly once, on a page of at most `limit` events, whatever the limit', () => {
    const events = [...many('a', 25, '2022-07-01'), ...many('b', 9, '2023-02-01'), ...many('c', 30, '2023-02-15'), ...many('d', 3, '2024-12-31')];
    for (const limit of [1, 2, 5, 10, 40, 70]) {
      const plan = planTimeline(events, limit);
      const placed = plan.pages.flatMap(listed);
      expect(placed.sort()).toEqual(events.map((e) => e.id).sort());
      for (const page of plan.pages) expect(listed(page).length).toBeLessThanOrEqual(limit);
      expect(new Set(paths(plan.pages)).size).toBe(plan.pages.length);
      for (const e of events) expect(plan.pages.find((page) => page.path === plan.pageOf.get(e.id))).toBeDefined();
    }
  });

  it('refuses a limit that is not a positive integer, and an unknown event', () => {
    expect(() => planTimeline([], 0)).toThrow(/positive integer/);
    expect(() => eventAddress(planTimeline([], TIMELINE_PAGE_LIMIT), 'nope')).toThrow(/unknown event id "nope"/);
  });
});

describe('articleColours', () => {
  it('gives the newest articles the palette and names the rest', () => {
    expect(articleColours(['n', 'm', 'o'], 2)).toEqual({ coloured: new Map([['n', 0], ['m', 1]]), others: ['o'] });
    expect(articleColours(['n'], 6)).toEqual({ coloured: new Map([['n', 0]]), others: [] });
  });
});

describe('timelineMoves', () => {
  const events = [...many('x', 2, '2021-05-01'), ...many('y', 3, '2022-01-01')];
  it('sends each recorded event that left "timeline/" to its page, and the chart\'s ids to the list of years', () => {
    expect(timelineMoves(planTimeline(events, 4), ['event-x1', 'event-y0', 'event-gone', 'tl-cap', 'main'])).toEqual([
      { from: 'timeline/#event-x1', to: 'timeline/2021/#event-x1' },
      { from: 'timeline/#event-y0', to: 'timeline/2022/#event-y0' },
      { from: 'timeline/#tl-cap', to: 'timeline/#events' },
    ]);
  });
  it('moves nothing while every event is on "timeline/"', () => {
    expect(timelineMoves(planTimeline(events, 5), ['event-x1', 'tl-cap'])).toEqual([]);
  });
});
