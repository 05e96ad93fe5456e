import { describe, expect, it } from 'vitest';
import { groupLimits, groupPlaces, onSides, placesOfRecord } from '../../src/lib/search/grouping.ts';
import type { GroupedRecord, IndexedPlace } from '../../src/lib/search/grouping.ts';
import type { PlaceFilters } from '../../src/lib/search/data.ts';

/** What Pagefind does to a custom record's text: composed Unicode, one space for each whitespace run, zero-width spaces between CJK words. */
function asPagefindStoresIt(record: GroupedRecord): { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> } {
  const content = record.content
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\p{Script=Han})(?=[\p{Script=Han}，。])/gu, '$1\u200b');
  return { url: record.url, content, meta: { title: record.title }, filters: record.filters };
}

const place = (id: string | null, content: string, filters: Partial<PlaceFilters> = {}, title = '一節'): IndexedPlace => ({
  id,
  title,
  content,
  filters: { kind: ['passage'], ...filters } as PlaceFilters,
});

describe('groupLimits', () => {
  it('keeps one place per record until the places outnumber the records wanted, then as many as it takes', () => {
    expect(groupLimits(900, 1000)).toEqual({ places: 1, chars: 300 });
    expect(groupLimits(1000, 1000).places).toBe(1);
    expect(groupLimits(1001, 1000).places).toBe(2);
    expect(groupLimits(150_000, 12_000)).toEqual({ places: 13, chars: 3900 });
  });
});

describe('groupPlaces and placesOfRecord', () => {
  const places = [
    place(null, 'LLaMA 團隊的巴黎\n研究人員', { article: ['a1'] }, '頁'),
    place('p-1', '第一段，  提到 Lample。', { person: ['guillaume-lample'], side: ['llama'], article: ['a1'] }),
    place('p-2', 'Cafe\u0301 與 「算力」', { date: ['2023', '2023-02'], article: ['a1'] }, '第二節'),
    place('log-1', '更正：蘋果', { kind: ['page'], article: ['a1'] }),
    place('p-3', '又一段', { article: ['a1'] }),
  ];

  it('puts neighbours of one kind together, up to the limits, and gives each back with its own fragment, title, text and filters', () => {
    const records = groupPlaces('/article/', places, { places: 3, chars: 1000 });
    // The log entry is of another kind: it ends the first record and is one of its own.
    expect(records.map((record) => record.url)).toEqual(['/article/', '/article/#log-1', '/article/#p-3']);
    // A place alone in its record needs nothing beyond Pagefind's own fields.
    expect(records[1]!.filters).toEqual({ kind: ['page'], article: ['a1'] });
    expect(records[0]!.filters).toMatchObject({ kind: ['passage'], person: ['guillaume-lample'], side: ['llama'], date: ['2023', '2023-02'], article: ['a1'] });
    const back = records.map(asPagefindStoresIt).flatMap(placesOfRecord);
    // The text as Pagefind keeps it (spacing collapsed, composed), without its zero-width spaces.
    expect(back.map((item) => [item.url, item.title, item.content, item.kind])).toEqual([
      ['/article/', '頁', 'LLaMA 團隊的巴黎 研究人員', 'passage'],
      ['/article/#p-1', '一節', '第一段， 提到 Lample。', 'passage'],
      ['/article/#p-2', '第二節', 'Café 與 「算力」', 'passage'],
      ['/article/#log-1', '一節', '更正：蘋果', 'page'],
      ['/article/#p-3', '一節', '又一段', 'passage'],
    ]);
    expect(back[1]).toMatchObject({ people: ['guillaume-lample'], sides: ['llama'], dates: [], article: 'a1' });
    expect(back[2]).toMatchObject({ people: [], sides: [], dates: ['2023', '2023-02'] });
  });

  it('starts a new record at the place limit, the character limit, and a place that stands for another person', () => {
    expect(groupPlaces('/a/', places.slice(0, 3), { places: 2, chars: 1000 }).map((record) => record.url)).toEqual(['/a/', '/a/#p-2']);
    expect(groupPlaces('/a/', places.slice(0, 3), { places: 3, chars: 20 }).map((record) => record.url)).toEqual(['/a/', '/a/#p-1', '/a/#p-2']);
    const entities = [
      place('person-a', '甲', { kind: ['person'], is: ['person:a'] }),
      place('person-b', '乙', { kind: ['person'], is: ['person:b'] }),
      place('roster-x', '丙', { kind: ['person'] }),
    ];
    const records = groupPlaces('/people/', entities, { places: 10, chars: 1000 });
    expect(records.map((record) => record.url)).toEqual(['/people/#person-a', '/people/#person-b', '/people/#roster-x']);
    expect(records.map(asPagefindStoresIt).flatMap(placesOfRecord).map((item) => item.entity)).toEqual(['person:a', 'person:b', undefined]);
  });

  it('gives the same places back whatever order Pagefind lists the filter values in', () => {
    const [record] = groupPlaces('/article/', places.slice(0, 3), { places: 3, chars: 1000 });
    const stored = asPagefindStoresIt(record!);
    const reversed = { ...stored, filters: { ...stored.filters, place: [...stored.filters.place!].reverse() } };
    expect(placesOfRecord(reversed)).toEqual(placesOfRecord(stored));
  });

  it('keeps to the sides asked for by each place\'s own sides, not the record\'s', () => {
    const events = [
      place('event-a', '甲', { kind: ['event'], side: ['llama'] }),
      place('event-b', '乙', { kind: ['event'], side: ['opt'] }),
      place('event-c', '丙', { kind: ['event'], side: ['llama', 'opt'] }),
      place('event-d', '丁', { kind: ['event'] }),
    ];
    const [record] = groupPlaces('/timeline/', events, { places: 4, chars: 1000 });
    expect(record!.filters.side).toEqual(['llama', 'opt']);
    const back = placesOfRecord(asPagefindStoresIt(record!));
    expect(onSides(back, ['opt']).map((item) => item.url)).toEqual(['/timeline/#event-b', '/timeline/#event-c']);
    expect(onSides(back, []).map((item) => item.url)).toHaveLength(4);
    expect(onSides(back, undefined)).toEqual(back);
  });
});
