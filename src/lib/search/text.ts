/**
 * Text folding and whole-term matching for search, shared by the index builder and the
 * browser. Pagefind matches Chinese loosely (a query is re-segmented in the browser, and any
 * indexed word that starts with a segment counts), so every candidate is checked here against
 * the whole query term before it is shown.
 *
 * Folding: compatibility forms (full-width Ａ, ２) become plain ones, accents are dropped
 * (Timothée → timothee), case is ignored, and white space next to a Chinese character does
 * not count ("生成式 AI 團隊" = "生成式AI團隊"), because Chinese is written without spaces
 * and readers type mixed terms either way.
 */

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const LETTER = /\p{Script=Latin}/u;
const DIGIT = /\p{Nd}/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/** Folds one code point; may return '' (marks, invisible format characters) or several characters. */
function foldChar(char: string): string {
  return char
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    // Punctuation separates words but never belongs to one: "Marie-Anne" = "marie anne".
    .replace(/[\p{P}\p{S}\s]/gu, ' ');
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each index of `text` (and its end), the index in the original string it came from. */
  origin: number[];
}

/**
 * Folds `input` for matching and remembers where each folded character came from, so matches
 * found in folded text can be highlighted in the original.
 */
export function foldWithOrigin(input: string): FoldedText {
  const chars: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const char of input) {
    for (const folded of foldChar(char)) {
      chars.push(folded);
      origin.push(index);
    }
    index += char.length;
  }
  // Collapse white space: drop it at the ends and next to Chinese characters, keep one space elsewhere.
  const text: string[] = [];
  const kept: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === ' ') {
      const previous = text[text.length - 1];
      let next = i + 1;
      while (next < chars.length && chars[next] === ' ') next++;
      const following = chars[next];
      if (previous === undefined || following === undefined || isHan(previous) || isHan(following)) {
        i = next - 1;
        continue;
      }
      text.push(' ');
      kept.push(origin[i]!);
      i = next - 1;
      continue;
    }
    text.push(char);
    kept.push(origin[i]!);
  }
  kept.push(input.length);
  return { text: text.join(''), origin: kept };
}

export function fold(input: string): string {
  return foldWithOrigin(input).text;
}

/** The terms of a query: folded, split at the spaces that remain after folding. */
export function queryTerms(query: string): string[] {
  return fold(query).split(' ').filter(Boolean);
}

/**
 * Where `term` (folded) occurs in `text` (folded) as a whole term: Chinese anywhere, a Latin
 * word only from its start (a prefix is fine: "lacr" finds "lacroix", "croix" does not), a
 * number never inside a longer number ("2月" is not in "12月", "202" is not "2023").
 */
export function findTerm(text: string, term: string, from = 0): number {
  if (!term) return -1;
  const first = term[0]!;
  const last = term[term.length - 1]!;
  for (let at = text.indexOf(term, from); at !== -1; at = text.indexOf(term, at + 1)) {
    const before = text[at - 1];
    const after = text[at + term.length];
    if (before !== undefined) {
      if (LETTER.test(first) && LATIN_OR_DIGIT.test(before)) continue;
      if (DIGIT.test(first) && (DIGIT.test(before) || LETTER.test(before))) continue;
    }
    if (after !== undefined && DIGIT.test(last) && DIGIT.test(after)) continue;
    return at;
  }
  return -1;
}

export function containsTerm(text: string, term: string): boolean {
  return findTerm(text, term) !== -1;
}

/** Every place `term` occurs as a whole term, as [start, end) ranges of the folded text. */
export function termRanges(text: string, term: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let at = findTerm(text, term); at !== -1; at = findTerm(text, term, at + term.length)) {
    ranges.push([at, at + term.length]);
  }
  return ranges;
}

/** True when a match ending at `end` ends a word too (it is not the start of a longer Latin word). */
export function endsWord(text: string, end: number): boolean {
  const after = text[end];
  return after === undefined || !LATIN_OR_DIGIT.test(after) || !LATIN_OR_DIGIT.test(text[end - 1] ?? '');
}
