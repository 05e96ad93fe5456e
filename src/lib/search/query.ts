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

/** A list of folded terms that must all occur in a place. */
export type Spelling = string[];

/**
 * One part of a query: a name, or the words around names. A place answers a part when it holds
 * one of its spellings, or when the part names a person or organisation the place is about.
 */
export interface QueryPart {
  /** The part as typed. */
  text: string;
  /** The part in this page's script first, then its other script spellings (as typed, not folded). */
  variants: string[];
  /**
   * Spellings that satisfy the part: each variant split into words (anywhere in the place), then
   * the names of the person or organisation it names, each as one phrase (so "Mistral AI" is
   * never satisfied by a lone "AI" somewhere else).
   */
  spellings: Spelling[];
  /** How many of `spellings` are the part itself; the rest are names. */
  typed: number;
  /** People and organisations the part names. */
  people: string[];
  organizations: string[];
}

export interface SearchPlan {
  /** The query as typed, trimmed. */
  query: string;
  /**
   * What a place must answer, every part of it: the whole query as one part, unless it joins a
   * name with other words ("Joulin 蘋果", "Lecun離開"); then each name is a part of its own, and
   * so are the words between them.
   */
  parts: QueryPart[];
  /**
   * What is handed to Pagefind to find candidates: one retrieval term per spelling of the query
   * (or of its first part that names nobody) in this script (see retrievalTerm). Places under
   * another name are found by the person / organisation filter, which costs no index download.
   */
  searches: string[];
  /** People the query names, in any part. */
  people: string[];
  /** Organisations the query names, in any part. */
  organizations: string[];
  date: DateQuery | null;
}

/** Shortest start of a Latin name that is taken to mean the person ("lacr" for Lacroix). */
export const MIN_NAME_PREFIX = 4;

/** Shortest Latin word of a person's name that stands for them alone ("le" of "Yann Le Cun" does not). */
export const MIN_NAME_WORD = 3;

/** Whole Latin words of a name ("lecun" in "yann lecun"), or the start of one ("lacr"). */
function isLatinPartOf(form: string, query: string): boolean {
  if (!/^[a-z0-9 ]+$/.test(query) || query.length < MIN_NAME_WORD) return false;
  const padded = ` ${form} `;
  return padded.includes(` ${query} `) || (query.length >= MIN_NAME_PREFIX && padded.includes(` ${query}`));
}

/** Latin words of organisation names ("ai", "meta", "research"): too common to name a person alone. */
const organizationWordsCache = new WeakMap<readonly AliasEntry[], Set<string>>();
function organizationWords(aliases: readonly AliasEntry[]): Set<string> {
  let words = organizationWordsCache.get(aliases);
  if (!words) {
    words = new Set(aliases.filter((entry) => entry.ref.startsWith('organization:')).flatMap((entry) => entry.forms.flatMap((form) => form.split(' '))));
    organizationWordsCache.set(aliases, words);
  }
  return words;
}

/**
 * Alias entries the folded query names: a whole form, or for a person whole Latin words of one
 * ("lecun", "timothee") or the start of one ("lacr"), unless the word is also part of an
 * organisation's name. An organisation needs its whole name: "ai" alone names none.
 */
export function matchAliases(foldedQueries: readonly string[], aliases: readonly AliasEntry[]): AliasEntry[] {
  const common = organizationWords(aliases);
  return aliases.filter((entry) =>
    entry.forms.some((form) =>
      foldedQueries.some(
        (q) => q.length > 0 && (form === q || (entry.ref.startsWith('person:') && !common.has(q) && isLatinPartOf(form, q))),
      ),
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

/** The words of a query with their place in it: split at spaces and where Chinese meets Latin ("Lecun離開"). */
function queryWords(query: string): Array<{ start: number; end: number }> {
  const words: Array<{ start: number; end: number }> = [];
  for (const match of query.matchAll(/\S+/g)) {
    let start = match.index;
    const token = match[0];
    for (const boundary of token.matchAll(/(?<=\p{Script=Han})(?=\p{Script=Latin})|(?<=\p{Script=Latin})(?=\p{Script=Han})/gu)) {
      words.push({ start, end: match.index + boundary.index });
      start = match.index + boundary.index;
    }
    words.push({ start, end: match.index + token.length });
  }
  return words;
}

function planPart(text: string, data: SearchData): QueryPart {
  const variants = unique(scriptVariants(text, data.script).filter((variant) => fold(variant) !== ''), fold);
  const matched = matchAliases(unique([fold(text), ...variants.map(fold)], (q) => q), data.aliases);
  const names = unique(
    matched.flatMap((entry) => entry.names).filter((name) => !variants.some((variant) => fold(variant) === fold(name))),
    fold,
  ).slice(0, MAX_NAMES);
  const refs = (prefix: string): string[] =>
    matched.filter((entry) => entry.ref.startsWith(prefix)).map((entry) => entry.ref.slice(prefix.length));
  return {
    text,
    variants,
    spellings: [...variants.map(queryTerms), ...names.map((name) => [fold(name)])],
    typed: variants.length,
    people: refs('person:'),
    organizations: refs('organization:'),
  };
}

function namesSomeone(part: QueryPart): boolean {
  return part.people.length + part.organizations.length > 0;
}

/**
 * The parts of a query: the whole query when it is one word, names someone as a whole, or names
 * nobody in any of its runs of words; else, from left to right, the longest run of words naming
 * someone is a part, and the words between such runs form parts of their own.
 */
function planParts(query: string, data: SearchData): QueryPart[] {
  const whole = planPart(query, data);
  const words = queryWords(query);
  if (words.length <= 1 || namesSomeone(whole)) return [whole];
  const parts: QueryPart[] = [];
  let textStart: number | null = null;
  const flushText = (end: number): void => {
    if (textStart !== null) parts.push(planPart(query.slice(textStart, end).trim(), data));
    textStart = null;
  };
  for (let i = 0; i < words.length; ) {
    let named: { part: QueryPart; next: number } | null = null;
    for (let j = words.length; j > i && !named; j--) {
      const part = planPart(query.slice(words[i]!.start, words[j - 1]!.end), data);
      if (namesSomeone(part)) named = { part, next: j };
    }
    if (named) {
      flushText(words[i]!.start);
      parts.push(named.part);
      i = named.next;
    } else {
      textStart ??= words[i]!.start;
      i += 1;
    }
  }
  flushText(query.length);
  return parts.some(namesSomeone) ? parts : [whole];
}

export function planQuery(input: string, data: SearchData, segment: WordSegmenter = (text) => [text]): SearchPlan {
  const query = input.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const parts = query ? planParts(query, data) : [];
  // Text is retrieved for the words that name nobody; names are reached through the filters.
  const retrieved = parts.find((part) => !namesSomeone(part)) ?? parts[0];
  return {
    query,
    parts,
    searches: unique((retrieved?.variants ?? []).map((text) => retrievalTerm(text, segment)), fold),
    people: unique(parts.flatMap((part) => part.people), (id) => id),
    organizations: unique(parts.flatMap((part) => part.organizations), (id) => id),
    date: query && parts.length === 1 ? parseDateQuery(parts[0]!.variants[0] ?? query) : null,
  };
}
