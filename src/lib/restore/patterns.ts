/**
 * Text patterns shared by the restoration (restore.ts) and the artifact scanner (artifacts.ts),
 * so that what one repairs is what the other looks for.
 */

/** Lowercase pinyin letters: a–z, ü and the tone-marked vowels. */
const PINYIN_LETTER = 'a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** A syllable needs a tone mark or ü, so Latin text such as "(a)" or "(see)" is not taken for a gloss. */
const PINYIN_MARK = 'üāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';

/** A pinyin gloss written right after a Han character, e.g. the "(tuán)" of "團(tuán)隊". */
export const pinyinGloss = (): RegExp =>
  new RegExp(`(?<=\\p{Script=Han})\\((?=[${PINYIN_LETTER}]*[${PINYIN_MARK}])[${PINYIN_LETTER}]{1,7}\\)`, 'gu');

const HAN = /\p{Script=Han}/u;
/** CJK symbols and punctuation (「」。、〈〉) and the full-width forms block (full-width comma, colon …). */
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFFEF]/u;

/** A Han character or CJK punctuation: what "next to Chinese text" means for punctuation. */
const isCjk = (char: string | undefined): boolean => char !== undefined && (HAN.test(char) || CJK_PUNCTUATION.test(char));
const isDigit = (char: string | undefined): boolean => char !== undefined && /^[0-9]$/.test(char);

/** Half-width marks that Chinese typography writes full-width, with their full-width forms. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '\uFF0C', ':': '\uFF1A', ';': '\uFF1B', '!': '\uFF01', '?': '\uFF1F' };
export const HALF_WIDTH_MARK = /[,:;!?]/g;

/** Characters a URL may contain (RFC 3986); trailing sentence punctuation is not part of it. */
const URL_PATTERN = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

/** [start, end) spans of the URLs in a text, so that their colons and commas are never touched. */
export function urlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,:;!?)]+$/, '');
    spans.push([match.index, match.index + url.length]);
  }
  return spans;
}

export const insideSpans = (index: number, spans: ReadonlyArray<readonly [number, number]>): boolean =>
  spans.some(([start, end]) => index >= start && index < end);

/** The whole character before / after the code unit at `index` (a Han character may be a surrogate pair). */
const charBefore = (text: string, index: number): string | undefined => {
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff ? index - 2 : index - 1;
  return start < 0 ? undefined : String.fromCodePoint(text.codePointAt(start)!);
};
const charAfter = (text: string, index: number): string | undefined =>
  index + 1 < text.length ? String.fromCodePoint(text.codePointAt(index + 1)!) : undefined;

/** Whether the mark at `index` has a Han character or CJK punctuation on either side. */
export const nextToCjk = (text: string, index: number): boolean =>
  isCjk(charBefore(text, index)) || isCjk(charAfter(text, index));

/**
 * Whether the half-width mark at `index` of `line` should be full-width: it is outside any URL and
 * next to Chinese text, or it is a comma in a line of Chinese text (not a digit separator such as 1,000).
 */
export function wantsFullWidth(line: string, index: number, urls: ReadonlyArray<readonly [number, number]>): boolean {
  if (insideSpans(index, urls)) return false;
  if (nextToCjk(line, index)) return true;
  return line[index] === ',' && HAN.test(line) && !(isDigit(charBefore(line, index)) && isDigit(charAfter(line, index)));
}

/** One-based line number of an index, for messages. */
export const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;
