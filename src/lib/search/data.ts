/**
 * What the search index holds besides Pagefind's own files: the kinds of places, the filters
 * each place carries, and the small per-script file the browser loads on first use
 * (pagefind/search-data.<lang>.json).
 */
import type { ScriptMap } from './script.ts';

/** The two scripts of the site, exactly as the pages' <html lang> (Pagefind lower-cases them). */
export const SEARCH_LANGS = ['zh-Hant', 'zh-Hans'] as const;
export type SearchLang = (typeof SEARCH_LANGS)[number];

/** A place a result links to. */
export const PLACE_KINDS = ['passage', 'person', 'organization', 'event', 'claim', 'page'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const DISPUTE_SIDES = ['llama', 'opt', 'leadership'] as const;
export type DisputeSide = (typeof DISPUTE_SIDES)[number];

/**
 * Pagefind filters on every place: `kind` (one PlaceKind), `side` (dispute sides it concerns),
 * `person` and `org` (ids of the people and organisations it is about or mentions), `date`
 * (see dateFilterValues); `is` only on a person's or organisation's own page and index entry:
 * its AliasEntry ref, so a query naming it reaches exactly those; `article` only on an article's
 * page: the article's id, so a search can keep to one article and a result can say which.
 */
export type PlaceFilters = { kind: [PlaceKind]; side?: DisputeSide[]; person?: string[]; org?: string[]; date?: string[]; is?: [string]; article?: [string] };

/** A name a reader may type for a person or an organisation, and what to look for instead. */
export interface AliasEntry {
  /** "person:<id>" or "organization:<id>". */
  ref: string;
  /** Every name, nickname and transliteration, folded, in both scripts. */
  forms: string[];
  /** The names as this script's pages write them, to search and highlight. */
  names: string[];
}

export interface SearchData {
  lang: SearchLang;
  /** Maps a query typed in the other script to this one. */
  script: ScriptMap;
  aliases: AliasEntry[];
  /**
   * Title of each article in this script, by id (the `article` filter's values); empty while
   * the archive holds one article, whose results need not say where they come from.
   */
  articles: Record<string, string>;
  /**
   * Folders of the index's other parts, relative to the bundle, which the browser merges into
   * the first (src/lib/search/parts.ts); empty while the index is one part.
   */
  parts: string[];
}

/** The `articles` table of the search data: every article's title in the page's script, or none for a lone article. */
export function articleTitles(articles: ReadonlyArray<{ id: string; title: string }>, inScript: (text: string) => string): Record<string, string> {
  if (articles.length < 2) return {};
  return Object.fromEntries(articles.map((article) => [article.id, inScript(article.title)]));
}

/** What a result from an article's page says of its source ("出自〈…〉", the same in both scripts); undefined when it needs to say nothing. */
export function articleSourceLabel(titles: Readonly<Record<string, string>>, article: string | undefined): string | undefined {
  const title = article === undefined ? undefined : titles[article];
  return title === undefined ? undefined : `出自〈${title}〉`;
}

/** File name of the per-script data, inside the Pagefind bundle directory. */
export function searchDataFile(lang: string): string {
  return `search-data.${lang.toLowerCase()}.json`;
}

/** The script of a page from its <html lang>: only the two site languages, Traditional otherwise. */
export function searchLangOf(htmlLang: string | null | undefined): SearchLang {
  return (htmlLang ?? '').toLowerCase() === 'zh-hans' ? 'zh-Hans' : 'zh-Hant';
}
