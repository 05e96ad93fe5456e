/**
 * Damaged copies of a restored text, for measuring ingest: each kind of damage the real articles
 * carry is made for real (UTF-8 bytes decoded as GBK/Big5/Latin-1 with TextDecoder, characters
 * turned back to Simplified with opencc-js, pinyin from a table of the glosses a raw text carries)
 * at places chosen by a seeded generator and recorded, so that the proposals can be scored.
 */
import OpenCC from 'opencc-js';
import { decodeUtf8, encode, garble, WRONG_ENCODINGS } from './encodings.ts';

export type DamageKind = 'mojibake' | 'lost-character' | 'simplified-leftover';

/** One damaged place, in the text as the replay matches repairs (glosses removed). */
export interface TrueRepair {
  kind: DamageKind;
  start: number;
  end: number;
  before: string;
  after: string;
}

export interface DamagedCopy {
  raw: string;
  repairs: TrueRepair[];
  /** Offsets in `raw` where a pinyin gloss was inserted. */
  glosses: number[];
  /** Offsets, in the text without glosses, of the punctuation made half-width. */
  punctuation: number[];
}

export interface DamageCounts {
  glosses: number;
  punctuation: number;
  mojibake: number;
  htmlDebris: number;
  lost: number;
  leftovers: number;
}

/** A small deterministic generator (mulberry32), so that a seed gives the same copy on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /^\p{Script=Han}$/u;
const isHan = (char: string | undefined): boolean => char !== undefined && HAN.test(char);
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?' };

/** Character → its gloss, read from the glosses of a raw text ("團(tuán)" gives 團 → tuán). */
export function pinyinTable(raw: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const match of raw.matchAll(/(\p{Script=Han})\(([a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7})\)/gu)) table.set(match[1]!, match[2]!);
  return table;
}

/** Paragraph lines of a restored Markdown body (no headings, placeholders or lists), shuffled. */
export function shuffledParagraphs(body: string, next: () => number): string[] {
  const lines = body.split('\n').filter((line) => line !== '' && !/^(?:#|-|圖片$)/.test(line));
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines;
}

/**
 * Damages `clean` (one paragraph a line, Traditional, full-width punctuation). Instance damage never
 * touches a neighbour's place or the two characters around it, so each stays a separate repair.
 */
export function damage(clean: string, counts: DamageCounts, seed: number, pinyin: ReadonlyMap<string, string>): DamagedCopy {
  const next = random(seed);
  const chars = [...clean];
  /** Per character: the text that replaces it, the kind, and the true text. */
  const replaced = new Map<number, { text: string; kind: DamageKind | 'punctuation'; truth: string; span: number }>();
  const blocked = (index: number, span: number): boolean => {
    for (let i = index - 2; i < index + span + 2; i++) if (replaced.has(i) || [...replaced].some(([at, r]) => i >= at && i < at + r.span)) return true;
    return false;
  };
  const pick = (accept: (index: number) => boolean, tries = 4000): number | undefined => {
    for (let attempt = 0; attempt < tries; attempt++) {
      const index = Math.floor(next() * chars.length);
      if (accept(index)) return index;
    }
    return undefined;
  };
  const word = (index: number, length: number): string => chars.slice(index, index + length).join('');

  for (let n = 0; n < counts.mojibake; n++) {
    const encoding = WRONG_ENCODINGS[n % WRONG_ENCODINGS.length]!;
    const length = 2 + Math.floor(next() * 3);
    const index = pick((i) => {
      const text = word(i, length);
      if ([...text].length !== length || ![...text].every(isHan) || blocked(i, length)) return false;
      const garbled = garble(text, encoding);
      const bytes = encode(garbled, encoding);
      return !/[\uFFFD\n,:;!?()]/.test(garbled) && bytes !== undefined && decodeUtf8(bytes) === text;
    });
    if (index !== undefined) replaced.set(index, { text: garble(word(index, length), encoding), kind: 'mojibake', truth: word(index, length), span: length });
  }
  for (let n = 0; n < counts.htmlDebris; n++) {
    const index = pick((i) => chars[i] === '。' && chars[i + 1] === '」' && (chars[i + 2] === '\n' || i + 2 === chars.length) && !blocked(i, 2));
    if (index !== undefined) replaced.set(index, { text: '?!?/p>', kind: 'mojibake', truth: '。」', span: 2 });
  }
  for (let n = 0; n < counts.lost; n++) {
    const index = pick((i) => isHan(chars[i]) && isHan(chars[i - 1]) && isHan(chars[i + 1]) && !blocked(i, 1));
    if (index !== undefined) replaced.set(index, { text: '?', kind: 'lost-character', truth: chars[index]!, span: 1 });
  }
  for (let n = 0; n < counts.leftovers; n++) {
    const index = pick((i) => isHan(chars[i]) && toSimplified(chars[i]!) !== chars[i] && [...toSimplified(chars[i]!)].length === 1 && !blocked(i, 1));
    if (index !== undefined) replaced.set(index, { text: toSimplified(chars[index]!), kind: 'simplified-leftover', truth: chars[index]!, span: 1 });
  }
  for (let n = 0; n < counts.punctuation; n++) {
    const index = pick((i) => HALF[chars[i]!] !== undefined && !replaced.has(i) && ![...replaced].some(([at, r]) => i >= at && i < at + r.span));
    if (index !== undefined) replaced.set(index, { text: HALF[chars[index]!]!, kind: 'punctuation', truth: chars[index]!, span: 1 });
  }

  let text = '';
  const repairs: TrueRepair[] = [];
  const punctuation: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const damage = replaced.get(i);
    if (!damage) {
      text += chars[i];
      continue;
    }
    if (damage.kind === 'punctuation') punctuation.push(text.length);
    else repairs.push({ kind: damage.kind, start: text.length, end: text.length + damage.text.length, before: damage.text, after: damage.truth });
    text += damage.text;
    i += damage.span - 1;
  }

  // Glosses last: they go after Han characters outside any damaged place, as the converter wrote them.
  const glossed = new Set<number>();
  const places = [...text].map((char, index) => ({ char, index }));
  const offsets: number[] = [];
  let offset = 0;
  for (const { char } of places) {
    offsets.push(offset);
    offset += char.length;
  }
  const inRepair = (at: number): boolean => repairs.some((repair) => at >= repair.start - 1 && at < repair.end + 1);
  for (let n = 0, tries = 0; n < counts.glosses && tries < 20000; tries++) {
    const index = Math.floor(next() * places.length);
    const { char } = places[index]!;
    if (!pinyin.has(char) || glossed.has(index) || inRepair(offsets[index]!) || places[index + 1]?.char === '(') continue;
    glossed.add(index);
    n += 1;
  }
  let raw = '';
  const glosses: number[] = [];
  places.forEach(({ char }, index) => {
    raw += char;
    if (glossed.has(index)) {
      glosses.push(raw.length);
      raw += `(${pinyin.get(char)})`;
    }
  });
  return { raw: `${raw}\n`, repairs, glosses, punctuation };
}
