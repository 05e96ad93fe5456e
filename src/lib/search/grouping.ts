/**
 * Several neighbouring places of one page in one Pagefind record, and back again.
 *
 * Pagefind's metadata, loaded by every first search, lists every record, and its indexer slows
 * down more than linearly with their number; an archive of many articles has hundreds of
 * thousands of places. So, in a large archive, a few places in a row that share their page, kind
 * and entity are indexed as one record (build time, `groupPlaces`), and the browser cuts the
 * record's text back into its places (`placesOfRecord`), each with its own fragment, title and
 * filters.
 *
 * Pagefind normalises a record's text (whitespace runs become one space, words are separated
 * by zero-width spaces, Unicode is composed), so each place is located by how many characters
 * other than whitespace it has. Its fragment, title and filters ride in the record's `place`
 * filter: never searched by, so its index is never loaded (Pagefind would index metadata as words).
 */
import type { DisputeSide, PlaceFilters, PlaceKind } from './data.ts';

/** One place as the build indexes it. */
export interface IndexedPlace {
  /** Fragment id; null for the page itself. */
  id: string | null;
  title: string;
  /** Text to index: the visible text, then any search-only names. */
  content: string;
  filters: PlaceFilters;
}

/** A Pagefind record as added with addCustomRecord. */
export interface GroupedRecord {
  url: string;
  title: string;
  content: string;
  filters: Record<string, string[]>;
}

/** A record as a Pagefind fragment gives it back. */
export interface RecordFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** One place cut back out of a record. */
export interface RecordPlace {
  url: string;
  title: string;
  content: string;
  kind: PlaceKind;
  sides: DisputeSide[];
  people: string[];
  organizations: string[];
  dates: string[];
  entity?: string;
  article?: string;
}

export interface GroupLimits {
  /** Most places in one record. */
  places: number;
  /** Most characters of text in one record (a longer place still gets a record of its own). */
  chars: number;
}

/**
 * How many places to put in a record so that one script's index has about `records` records:
 * one each while the places are fewer (Pagefind then ranks every place by itself).
 */
export function groupLimits(places: number, records: number): GroupLimits {
  const perRecord = Math.max(1, Math.ceil(places / records));
  return { places: perRecord, chars: perRecord * CHARS_PER_PLACE };
}

/** Characters a record may hold for each place it may hold (an article's paragraph has about 100–250). */
const CHARS_PER_PLACE = 300;
/** The filter that carries each place's fragment, length and own filters. */
const PLACE_FILTER = 'place';
/** What Pagefind may change between words: nothing else counts toward a place's length. */
const BETWEEN_WORDS = /[\s\u200b]/u;

/** Characters of `text` that are not whitespace or zero-width spaces (code points, as the browser walks them). */
function wordCharacters(text: string): number {
  let count = 0;
  for (const char of text) if (!BETWEEN_WORDS.test(char)) count += 1;
  return count;
}

type OwnFilters = Pick<PlaceFilters, 'side' | 'person' | 'org' | 'date'>;
/** A place in its record's `place` filter; the title only when it is not the record's. */
type PlaceEntry = [index: number, id: string | null, length: number, own: OwnFilters, title?: string];

function ownFilters(filters: PlaceFilters): OwnFilters {
  const own: OwnFilters = {};
  if (filters.side) own.side = filters.side;
  if (filters.person) own.person = filters.person;
  if (filters.org) own.org = filters.org;
  if (filters.date) own.date = filters.date;
  return own;
}

function groupKey(place: IndexedPlace): string {
  return JSON.stringify([place.filters.kind, place.filters.is ?? null, place.filters.article ?? null]);
}

/**
 * The records of one page's places, in order: each holds at most `limits.places` neighbouring
 * places with the same kind, entity and article. `pageUrl` has no fragment.
 */
export function groupPlaces(pageUrl: string, places: readonly IndexedPlace[], limits: GroupLimits): GroupedRecord[] {
  const groups: IndexedPlace[][] = [];
  let chars = 0;
  for (const raw of places) {
    const place = { ...raw, content: raw.content.normalize('NFC') };
    const length = [...place.content].length;
    const last = groups[groups.length - 1];
    if (last && last.length < limits.places && chars + length <= limits.chars && groupKey(last[0]!) === groupKey(place)) {
      last.push(place);
      chars += length;
    } else {
      groups.push([place]);
      chars = length;
    }
  }
  return groups.map((group) => {
    const first = group[0]!;
    const union = (key: keyof OwnFilters): string[] => [...new Set(group.flatMap((place) => place.filters[key] ?? []))].sort();
    const filters: Record<string, string[]> = { kind: [...first.filters.kind] };
    for (const key of ['side', 'person', 'org', 'date'] as const) {
      const values = union(key);
      if (values.length > 0) filters[key] = values;
    }
    if (first.filters.is) filters.is = [...first.filters.is];
    if (first.filters.article) filters.article = [...first.filters.article];
    // A place alone is the whole record: its URL, title and filters say all.
    if (group.length > 1) filters[PLACE_FILTER] = group.map((place, index) => {
      const entry: PlaceEntry = [index, place.id, wordCharacters(place.content), ownFilters(place.filters)];
      if (place.title !== first.title) entry.push(place.title);
      return JSON.stringify(entry);
    });
    return {
      url: `${pageUrl}${first.id ? `#${first.id}` : ''}`,
      title: first.title,
      // Pagefind turns the line breaks into spaces; they keep two places' words apart.
      content: group.map((place) => place.content).join('\n'),
      filters,
    };
  });
}

/** The places of a record, in page order, as `groupPlaces` put them in. */
export function placesOfRecord(fragment: RecordFragment): RecordPlace[] {
  const [pageUrl, fragmentId] = fragment.url.split('#') as [string, string | undefined];
  const values = fragment.filters[PLACE_FILTER];
  const entries: PlaceEntry[] = values
    ? values.map((value) => JSON.parse(value) as PlaceEntry).sort((a, b) => a[0] - b[0])
    : [[0, fragmentId ?? null, Infinity, ownFilters(fragment.filters as PlaceFilters)]];
  const chars = [...fragment.content];
  const places: RecordPlace[] = [];
  let at = 0;
  for (const [, id, length, own, title] of entries) {
    let text = '';
    let counted = 0;
    while (at < chars.length && counted < length) {
      const char = chars[at++]!;
      if (char === '\u200b') continue;
      if (!BETWEEN_WORDS.test(char)) counted += 1;
      text += char;
    }
    places.push({
      url: `${pageUrl}${id ? `#${id}` : ''}`,
      title: title ?? fragment.meta.title ?? '',
      content: text.trim(),
      kind: (fragment.filters.kind?.[0] ?? 'page') as PlaceKind,
      sides: own.side ?? [],
      people: own.person ?? [],
      organizations: own.org ?? [],
      dates: own.date ?? [],
      ...(fragment.filters.is?.[0] ? { entity: fragment.filters.is[0] } : {}),
      ...(fragment.filters.article?.[0] ? { article: fragment.filters.article[0] } : {}),
    });
  }
  return places;
}

/**
 * The places that concern one of `sides` (every place when none is asked for). Pagefind keeps to
 * the sides by the record's filters, which are those of all its places; this keeps to them by each
 * place's own.
 */
export function onSides(places: readonly RecordPlace[], sides: readonly DisputeSide[] | undefined): RecordPlace[] {
  return sides?.length ? places.filter((place) => place.sides.some((side) => sides.includes(side))) : [...places];
}
