// Search records, from the files: every place search can land on, on every page of both scripts
// (src/lib/search/records.ts), comes back out of Pagefind's fragments as the browser cuts them
// (src/lib/search/grouping.ts) with its own fragment, title and text, whether the index holds one
// place per record (today's site) or several (the archive the archive phase builds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import { listHtmlFiles } from '../../scripts/lib/built-pages.ts';
import { readFragments } from '../../scripts/lib/pagefind-bundle.ts';
import { placesOfRecord } from '../../src/lib/search/grouping.ts';
import { extractPlaces } from '../../src/lib/search/records.ts';
import { DEFAULT_SITE_BASE, DEFAULT_SITE_DIR } from '../e2e/site-dir.ts';

/**
 * Most characters of text one place may have: a result a reader can take in. The longest today
 * are an organisation's list of mentions (about 1,950) and, with a thousand articles, the home
 * page's list of stories (about 2,300); a list that grows with the archive must be left out of
 * search (data-pagefind-ignore) or cut into places.
 */
const LONGEST_PLACE = 4000;

/** What Pagefind may change in a text: spacing and Unicode composition. */
const comparable = (text: string): string => text.normalize('NFC').replace(/[\s\u200b]+/gu, '');

describe('search records (files)', () => {
  test(`every place of ${DEFAULT_SITE_DIR} is found in the index as the page has it`, () => {
    const expected = new Map<string, string>();
    for (const { file, path } of listHtmlFiles(DEFAULT_SITE_DIR)) {
      const page = extractPlaces(fromHtml(readFileSync(file, 'utf8')), DEFAULT_SITE_BASE);
      for (const place of page?.places ?? []) expected.set(`/${path}${place.id ? `#${place.id}` : ''}`, comparable(place.text));
    }
    const fragments = readFragments(join(DEFAULT_SITE_DIR, 'pagefind'));
    const indexed = fragments.flatMap(placesOfRecord);
    expect(indexed.length).toBeGreaterThanOrEqual(fragments.length);
    const found = new Map(indexed.map((place) => [place.url, place]));
    expect(found.size, 'a place in two records').toBe(indexed.length);
    expect([...found.keys()].filter((url) => !expected.has(url)), 'records of no place').toEqual([]);
    expect([...expected.keys()].filter((url) => !found.has(url)), 'places without a record').toEqual([]);
    const wrong = [...expected].filter(([url, text]) => {
      const place = found.get(url)!;
      // Past the visible text, a person's or organisation's places hold its other names.
      return !comparable(place.content).startsWith(text) || place.title === '';
    });
    expect(wrong.map(([url]) => url), 'places whose text or title came back wrong').toEqual([]);
    const long = [...expected].filter(([, text]) => [...text].length > LONGEST_PLACE).map(([url, text]) => `${url}: ${[...text].length} characters`);
    expect(long, `places longer than ${LONGEST_PLACE} characters`).toEqual([]);
  });
});
