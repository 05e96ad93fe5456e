/**
 * Word evidence for ranking fills. A fill is likelier when the text around it splits into frequent
 * words (因為|沒有 rather than 因素|還有): the character model sees only four characters at a time and
 * learns from little text, while a word-frequency dictionary counts how often each of some 350,000
 * words is written. The score of a stretch of text is the log probability of its likeliest split
 * into dictionary words under a word-unigram model (as jieba segments), a character the dictionary
 * lacks counting as a word seen once.
 */
/** Words of Han characters of the Basic Multilingual Plane: one UTF-16 unit a character. */
const WORD = /^[\p{Script=Han}--[\u{10000}-\u{10FFFF}]]+$/v;

export interface WordModel {
  /** Log probability of each word. */
  logp: Map<string, number>;
  /** Length in characters of the longest word. */
  longest: number;
  /** Log probability of a character that is no word of the dictionary. */
  unseen: number;
}

export function wordModel(frequencies: Iterable<[string, number]>): WordModel {
  const entries = [...frequencies].filter(([word, count]) => count > 0 && WORD.test(word));
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const logTotal = Math.log(total + 1);
  const logp = new Map<string, number>();
  let longest = 1;
  for (const [word, count] of entries) {
    logp.set(word, Math.log(count) - logTotal);
    longest = Math.max(longest, word.length);
  }
  return { logp, longest, unseen: -logTotal };
}

/** The likeliest split of `text` (Han characters) into words, and its log probability. */
export function split(words: WordModel, text: string): { score: number; words: string[] } {
  const chars = [...text];
  const best = new Float64Array(chars.length + 1).fill(-Infinity);
  const from = new Int32Array(chars.length + 1);
  best[0] = 0;
  for (let end = 1; end <= chars.length; end++) {
    let word = '';
    for (let start = end - 1; start >= Math.max(0, end - words.longest); start--) {
      word = chars[start] + word;
      const p = words.logp.get(word) ?? (start === end - 1 ? words.unseen : undefined);
      if (p !== undefined && best[start]! + p > best[end]!) {
        best[end] = best[start]! + p;
        from[end] = start;
      }
    }
  }
  const parts: string[] = [];
  for (let end = chars.length; end > 0; end = from[end]!) parts.unshift(chars.slice(from[end]!, end).join(''));
  return { score: best[chars.length]!, words: parts };
}

/**
 * Fills of `length` characters that complete a dictionary word with the characters just before
 * (`left`) and after (`right`) the gap: 工 in 原因是□作時間 from 工作 and 工作時間.
 */
export function wordFills(words: WordModel, left: string, right: string, length: number): string[] {
  const before = [...left];
  const after = [...right];
  const index = wordIndex(words);
  const fills = new Set<string>();
  for (let back = 0; back <= Math.min(3, before.length); back++) {
    for (let ahead = 0; ahead <= Math.min(3, after.length); ahead++) {
      if (back + ahead === 0) continue;
      const head = before.slice(before.length - back).join('');
      const tail = after.slice(0, ahead).join('');
      const size = back + length + ahead;
      for (const word of (back > 0 ? index.byFirst.get(before[before.length - back]!) : index.byLast.get(after[ahead - 1]!)) ?? []) {
        if (word.length !== size || !word.startsWith(head) || !word.endsWith(tail)) continue;
        fills.add(word.slice(back, back + length));
      }
    }
  }
  return [...fills];
}

const indexes = new WeakMap<WordModel, { byFirst: Map<string, string[]>; byLast: Map<string, string[]> }>();

/** The words by their first and by their last character, made once per model. */
function wordIndex(words: WordModel): { byFirst: Map<string, string[]>; byLast: Map<string, string[]> } {
  let index = indexes.get(words);
  if (!index) {
    index = { byFirst: new Map(), byLast: new Map() };
    for (const word of words.logp.keys()) {
      for (const [map, char] of [[index.byFirst, word[0]!], [index.byLast, word.at(-1)!]] as const) {
        const list = map.get(char);
        if (list) list.push(word);
        else map.set(char, [word]);
      }
    }
    indexes.set(words, index);
  }
  return index;
}
