/**
 * From what a reader typed to what is searched: the query in the page's script, the names it
 * may stand for (a nickname or a regional transliteration finds the person), and the month or
 * year it names.
 */
import { parseDateQuery } from './dates.ts';
import type { DateQuery } from './dates.ts';
import type { AliasEntry, SearchData } from './data.ts';
import { scriptVariants } from './script.ts';
import { fold, queryTerms } from './text.ts';

/** Longest query handled; longer input is cut (a search box is not a document). */
export const MAX_QUERY_LENGTH = 80;
/** Most names of a matched person or organisation matched and highlighted. */
export const MAX_NAMES = 12;

export interface SearchPlan {
  /** The query as typed, trimmed. */
  query: string;
  /**
   * Spellings that satisfy the query, each a list of folded terms that must all occur in a
   * place: the query in this page's script first, then the names of a person or organisation
   * it names (so a place saying "小扎" answers "祖克柏").
   */
  spellings: string[][];
  /** How many of `spellings` are the query itself (in this script); the rest are names. */
  typed: number;
  /**
   * What is handed to Pagefind to find candidates: one retrieval term per spelling of the query
   * in this script (see retrievalTerm). Places under another name are found by the person /
   * organisation filter, which costs no index download.
   */
  searches: string[];
  /** People the query names. */
  people: string[];
  /** Organisations the query names. */
  organizations: string[];
  date: DateQuery | null;
}

/** Shortest start of a Latin name that is taken to mean the person ("lacr" for Lacroix). */
export const MIN_NAME_PREFIX = 4;

/** Whole Latin words of a name ("lecun" in "yann lecun"), or the start of one ("lacr"). */
function isLatinPartOf(form: string, query: string): boolean {
  if (!/^[a-z0-9 ]+$/.test(query)) return false;
  const padded = ` ${form} `;
  return padded.includes(` ${query} `) || (query.length >= MIN_NAME_PREFIX && padded.includes(` ${query}`));
}

/**
 * Alias entries the folded query names: a whole form, or for a person whole Latin words of one
 * ("lecun", "timothee") or the start of one ("lacr"). An organisation needs its whole name:
 * "ai" alone names none.
 */
export function matchAliases(foldedQueries: readonly string[], aliases: readonly AliasEntry[]): AliasEntry[] {
  return aliases.filter((entry) =>
    entry.forms.some((form) =>
      foldedQueries.some((q) => q.length > 0 && (form === q || (entry.ref.startsWith('person:') && isLatinPartOf(form, q)))),
    ),
  );
}

function unique<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** Splits text into words as Pagefind does in the browser (Intl.Segmenter for Chinese). */
export type WordSegmenter = (text: string) => string[];

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * The one term Pagefind is asked for, chosen so that it agrees with how the index was cut and
 * touches as few index chunks as possible (each is a separate download of ~25 KB):
 *
 * Pagefind indexes Chinese as the segmenter's words plus every two-character pair across word
 * boundaries, and matches a query word as a prefix of indexed words. So any place containing
 * the whole query has an indexed word that starts with the query's first two Chinese
 * characters (or its first character) — unless the query starts inside a longer indexed word,
 * which readers rarely type. The browser re-segments what it is given: if it would split the
 * pair, the first character alone is asked for (two halves would need two chunks, and the
 * second half is not indexed on its own). Every other character is checked afterwards on the
 * candidates (search-rank.ts). Queries without Chinese are asked for as typed: Latin words sit
 * together at the start of the sorted index.
 */
export function retrievalTerm(text: string, segment: WordSegmenter): string {
  const runs = [...text.matchAll(HAN_RUN)].map((match) => match[0]);
  if (runs.length === 0) return text;
  const run = runs.find((candidate) => [...candidate].length >= 2) ?? runs[0]!;
  const chars = [...run];
  const pair = chars.slice(0, 2).join('');
  return chars.length >= 2 && segment(pair).length === 1 ? pair : chars[0]!;
}

export function planQuery(input: string, data: SearchData, segment: WordSegmenter = (text) => [text]): SearchPlan {
  const query = input.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const variants = unique((query ? scriptVariants(query, data.script) : []).filter((text) => fold(text) !== ''), fold);
  const matched = matchAliases(unique([fold(query), ...variants.map(fold)], (q) => q), data.aliases);
  const names = unique(
    matched.flatMap((entry) => entry.names).filter((name) => !variants.some((text) => fold(text) === fold(name))),
    fold,
  ).slice(0, MAX_NAMES);
  const refs = (prefix: string): string[] =>
    matched.filter((entry) => entry.ref.startsWith(prefix)).map((entry) => entry.ref.slice(prefix.length));
  return {
    query,
    spellings: [...variants, ...names].map(queryTerms),
    typed: variants.length,
    searches: unique(variants.map((text) => retrievalTerm(text, segment)), fold),
    people: refs('person:'),
    organizations: refs('organization:'),
    date: query ? parseDateQuery(variants[0] ?? query) : null,
  };
}
