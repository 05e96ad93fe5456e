/**
 * W3C Web Annotation TextQuoteSelector resolution over an article's blocks: the quote, with the
 * prefix right before it and the suffix right after it when given, must match exactly one place
 * inside one block. Pure functions; errors are returned as data for the validator to word.
 */
import { isTextBlock, type Block } from './article-text.ts';

export interface Selector {
  quote: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

export interface Located {
  blockId: string;
  blockIndex: number;
  /** Offsets into the block's text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface Occurrence extends Located {
  /** The text right before and after the quote in its block, as long as the prefix/suffix given. */
  before: string;
  after: string;
}

export interface Passage {
  blockId: string;
  text: string;
  distance: number;
}

export type Resolution =
  | { ok: true; at: Located }
  | { ok: false; kind: 'not-found'; closest: Passage | undefined }
  | { ok: false; kind: 'prefix' | 'suffix' | 'context'; occurrences: Occurrence[] }
  | { ok: false; kind: 'ambiguous'; matches: Located[] };

/** Start offsets of every occurrence of `needle` in `text`, overlapping ones included. */
export function findAll(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

export function resolveQuote(blocks: readonly Block[], selector: Selector, budget?: PassageBudget): Resolution {
  const { quote, prefix, suffix } = selector;
  const occurrences: Occurrence[] = [];
  blocks.forEach((block, blockIndex) => {
    if (!isTextBlock(block)) return;
    for (const start of findAll(block.text, quote)) {
      const end = start + quote.length;
      occurrences.push({
        blockId: block.id,
        blockIndex,
        start,
        end,
        before: block.text.slice(Math.max(0, start - (prefix?.length ?? 8)), start),
        after: block.text.slice(end, end + (suffix?.length ?? 8)),
      });
    }
  });
  if (occurrences.length === 0) return { ok: false, kind: 'not-found', closest: closestPassage(blocks, quote, budget) };

  const withPrefix = prefix === undefined ? occurrences : occurrences.filter((o) => o.before === prefix);
  const withSuffix = suffix === undefined ? occurrences : occurrences.filter((o) => o.after === suffix);
  const matches = withPrefix.filter((o) => withSuffix.includes(o));
  if (matches.length === 1) {
    const { blockId, blockIndex, start, end } = matches[0]!;
    return { ok: true, at: { blockId, blockIndex, start, end } };
  }
  if (matches.length > 1) {
    return { ok: false, kind: 'ambiguous', matches: matches.map(({ blockId, blockIndex, start, end }) => ({ blockId, blockIndex, start, end })) };
  }
  if (withPrefix.length === 0) return { ok: false, kind: 'prefix', occurrences };
  if (withSuffix.length === 0) return { ok: false, kind: 'suffix', occurrences };
  return { ok: false, kind: 'context', occurrences };
}

/**
 * How much closest-passage searching one validation may do, in cells of Sellers' table (quote
 * length × text length): the search is quadratic, so a file of many long quotes that match
 * nowhere would otherwise stall the build. Once spent, messages go without a closest passage.
 */
export class PassageBudget {
  private cells: number;

  constructor(cells = 20_000_000) {
    this.cells = cells;
  }

  take(cost: number): boolean {
    if (cost > this.cells) return false;
    this.cells -= cost;
    return true;
  }
}

/**
 * The passage of the article closest to `quote` (approximate substring matching, Sellers'
 * algorithm: the fewest insertions, deletions and substitutions over any window of a block);
 * undefined when the budget, if given, does not cover the search.
 */
export function closestPassage(blocks: readonly Block[], quote: string, budget?: PassageBudget): Passage | undefined {
  let best: Passage | undefined;
  const m = quote.length;
  const textLength = blocks.reduce((sum, block) => sum + (isTextBlock(block) ? block.text.length : 0), 0);
  if (budget && !budget.take(m * textLength)) return undefined;
  for (const block of blocks) {
    if (!isTextBlock(block) || block.text.length === 0) continue;
    const text = block.text;
    // previous[j]: cost of matching quote[0..i) ending at text position j; starts[j]: where that match began.
    let previous = new Array<number>(text.length + 1).fill(0);
    let previousStarts = Array.from({ length: text.length + 1 }, (_, j) => j);
    for (let i = 1; i <= m; i++) {
      const current = new Array<number>(text.length + 1);
      const starts = new Array<number>(text.length + 1);
      current[0] = i;
      starts[0] = 0;
      for (let j = 1; j <= text.length; j++) {
        const substitute = previous[j - 1]! + (quote[i - 1] === text[j - 1] ? 0 : 1);
        const skipQuote = previous[j]! + 1;
        const skipText = current[j - 1]! + 1;
        if (substitute <= skipQuote && substitute <= skipText) {
          current[j] = substitute;
          starts[j] = previousStarts[j - 1]!;
        } else if (skipQuote <= skipText) {
          current[j] = skipQuote;
          starts[j] = previousStarts[j]!;
        } else {
          current[j] = skipText;
          starts[j] = starts[j - 1]!;
        }
      }
      previous = current;
      previousStarts = starts;
    }
    for (let j = 1; j <= text.length; j++) {
      const distance = previous[j]!;
      const window = text.slice(previousStarts[j]!, j);
      // Among equally close windows, the one nearest the quote's length reads best.
      if (best === undefined || distance < best.distance || (distance === best.distance && Math.abs(window.length - m) < Math.abs(best.text.length - m))) {
        best = { blockId: block.id, text: window, distance };
      }
    }
  }
  return best;
}

/* ---------- mentions: every occurrence of the names of people and organizations ---------- */

export interface MentionMatch<T> extends Located {
  form: T;
}

const latinChar = /[A-Za-z0-9]/;

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** The form that ends here (the first given, when two are the same string). */
  form?: T;
}

function formTrie<T extends { form: string }>(forms: readonly T[]): TrieNode<T> {
  const root: TrieNode<T> = { next: new Map() };
  for (const form of forms) {
    let node = root;
    for (const char of form.form) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map() }));
      node = child;
    }
    if (node !== root && node.form === undefined) node.form = form;
  }
  return root;
}

/** The forms that start at text[i], shortest first (a walk down the trie: bounded by the longest form). */
function formsStartingAt<T>(root: TrieNode<T>, text: string, i: number): T[] {
  const found: T[] = [];
  let node: TrieNode<T> | undefined = root;
  for (let j = i; j < text.length; j++) {
    node = node.next.get(text[j]!);
    if (!node) break;
    if (node.form !== undefined) found.push(node.form);
  }
  return found;
}

function wholeWord(text: string, start: number, form: string): boolean {
  const before = text[start - 1];
  const after = text[start + form.length];
  if (latinChar.test(form[0]!) && before !== undefined && latinChar.test(before)) return false;
  return !(latinChar.test(form[form.length - 1]!) && after !== undefined && latinChar.test(after));
}

/**
 * Every occurrence of the forms in the text blocks, left to right; where forms overlap the
 * longest wins ("Meta AI" over "Meta"). Latin forms match whole words only: "Meta" is not in
 * "Metadata". One walk of a trie of the forms per position: linear in the text for any number
 * of forms.
 */
export function findMentions<T extends { form: string }>(blocks: readonly Block[], forms: readonly T[]): MentionMatch<T>[] {
  const trie = formTrie(forms);
  const found: MentionMatch<T>[] = [];
  blocks.forEach((block, blockIndex) => {
    if (!isTextBlock(block)) return;
    const text = block.text;
    for (let i = 0; i < text.length; ) {
      const candidates = formsStartingAt(trie, text, i);
      let match: T | undefined;
      for (let k = candidates.length - 1; k >= 0 && !match; k--) if (wholeWord(text, i, candidates[k]!.form)) match = candidates[k];
      if (!match) {
        i += 1;
        continue;
      }
      found.push({ form: match, blockId: block.id, blockIndex, start: i, end: i + match.form.length });
      i += match.form.length;
    }
  });
  return found;
}

/**
 * For forms that were not matched: whether each occurs in the text at all, and if so whether one
 * of its occurrences lies inside a match of a longer form (that match is returned). Same trie
 * walk as findMentions, so it costs no more than the matching itself.
 */
export function unmatchedOccurrences<T extends { form: string }>(
  blocks: readonly Block[],
  forms: readonly T[],
  matches: readonly MentionMatch<T>[],
): Map<T, MentionMatch<T> | 'elsewhere'> {
  const trie = formTrie(forms);
  const found = new Map<T, MentionMatch<T> | 'elsewhere'>();
  const matchesByBlock = new Map<number, MentionMatch<T>[]>();
  for (const match of matches) {
    let list = matchesByBlock.get(match.blockIndex);
    if (!list) matchesByBlock.set(match.blockIndex, (list = []));
    list.push(match);
  }
  blocks.forEach((block, blockIndex) => {
    if (!isTextBlock(block)) return;
    const text = block.text;
    // The match covering each position of the block, if any (matches do not overlap).
    const covering = new Array<MentionMatch<T> | undefined>(text.length);
    for (const match of matchesByBlock.get(blockIndex) ?? []) for (let i = match.start; i < match.end; i++) covering[i] = match;
    for (let i = 0; i < text.length; i++) {
      for (const form of formsStartingAt(trie, text, i)) {
        if (typeof found.get(form) === 'object') continue;
        const cover = covering[i];
        const inside = cover !== undefined && cover.form !== form && cover.end >= i + form.form.length;
        found.set(form, inside ? cover : 'elsewhere');
      }
    }
  });
  return found;
}

/* ---------- repairs: placing a corrections-log entry in the published text ---------- */

export interface RepairContext {
  after: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

/**
 * Comparable form of repair context: the log records context as it stood at its stage of the
 * restoration, before later stages removed pinyin glosses and widened punctuation.
 */
export function canonicalContext(text: string): string {
  return text
    .replace(/\([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300-\u036f]+\)/g, '')
    .replace(/[,:;!?()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/\s+/g, '');
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export type RepairPlacement =
  | { ok: true; at: Located }
  | { ok: false; kind: 'not-found' | 'ambiguous'; candidates: Located[] };

/**
 * Where a repair's replacement text stands in the published blocks: among the places where
 * `after` occurs (any place for a deletion), the one whose surroundings best agree with the
 * recorded prefix and suffix. It must be the single best, and agree with some context unless
 * it is the only candidate.
 */
export function placeRepair(blocks: readonly Block[], repair: RepairContext): RepairPlacement {
  const prefix = canonicalContext(repair.prefix ?? '');
  const suffix = canonicalContext(repair.suffix ?? '');
  const scored: { at: Located; score: number }[] = [];
  blocks.forEach((block, blockIndex) => {
    if (!isTextBlock(block)) return;
    const starts = repair.after === '' ? Array.from({ length: block.text.length + 1 }, (_, i) => i) : findAll(block.text, repair.after);
    for (const start of starts) {
      const end = start + repair.after.length;
      const before = canonicalContext(block.text.slice(Math.max(0, start - prefix.length * 2 - 8), start));
      const after = canonicalContext(block.text.slice(end, end + suffix.length * 2 + 8));
      const score = commonSuffixLength(prefix, before) + commonPrefixLength(suffix, after);
      scored.push({ at: { blockId: block.id, blockIndex, start, end }, score });
    }
  });
  if (scored.length === 0) return { ok: false, kind: 'not-found', candidates: [] };
  const bestScore = Math.max(...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score === bestScore);
  if (best.length === 1 && (bestScore > 0 || scored.length === 1)) return { ok: true, at: best[0]!.at };
  if (bestScore === 0 && scored.length > 1 && prefix.length + suffix.length > 0) {
    return { ok: false, kind: 'not-found', candidates: scored.map((s) => s.at) };
  }
  return { ok: false, kind: 'ambiguous', candidates: best.map((s) => s.at) };
}
