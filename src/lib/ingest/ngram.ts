/**
 * A character 4-gram model of Traditional Chinese, for ranking the characters that could fill a
 * gap (a lost character, a mojibake run): counts of every run of one to four characters in the
 * training text, smoothed by interpolated absolute discounting with a Kneser-Ney base (Ney et al.
 * 1994), so that a longer context that was seen counts most and an unseen one falls back on the
 * shorter ones. The text under repair is a second model mixed in (a cache model, Kuhn & De Mori
 * 1990): a word it writes whole elsewhere is the likeliest reading of a gap in it.
 */
import { split, wordFills, type WordModel } from './words.ts';

/**
 * A run of Latin letters or digits (AI, Meta, 2023) stands as one placeholder character, so that
 * the model learns what comes next to a Latin word (於AI, 的Meta) without learning the words.
 */
const LATIN = '\uE000';
const toTokens = (text: string): string => text.replace(/[A-Za-z0-9]+/g, LATIN);
const RUN = /[\p{Script=Han}\uE000]+/gu;
const TOKEN = /[\p{Script=Han}\uE000]/u;
export const ORDER = 4;
/** Names how the counts are made; a cached model made otherwise is trained again. */
export const MODEL_FORMAT = `order ${ORDER}, Latin runs as one token`;
/** The absolute discount: what each seen continuation gives up for the shorter contexts. */
const DISCOUNT = 0.75;
/** Share of the text's own model in the mixture. */
const OWN_SHARE = 0.8;

interface Contexts {
  /** Sum of the counts of the continuations of each context. */
  total: Map<string, number>;
  /** Number of distinct characters seen after each context. */
  types: Map<string, number>;
  /** Number of distinct characters seen before each character, and their sum (Kneser-Ney's base distribution). */
  preceded: Map<string, number>;
  pairs: number;
}

export interface CharModel {
  /** Count of each string of one to ORDER Han characters. */
  counts: Map<string, number>;
  /** Number of Han characters in the training text. */
  total: number;
  /** Every character seen, most frequent first. */
  vocabulary: string[];
  contexts: Contexts;
  /** The text under repair, mixed in by withText. */
  own?: CharModel;
  /** Word frequencies that rank fills alongside the characters (words.ts). */
  words?: WordModel;
}

function build(counts: Map<string, number>, total: number): CharModel {
  const contexts: Contexts = { total: new Map(), types: new Map(), preceded: new Map(), pairs: 0 };
  for (const [gram, count] of counts) {
    const chars = [...gram];
    if (chars.length < 2) continue;
    if (chars.length === 2) {
      contexts.preceded.set(chars[1]!, (contexts.preceded.get(chars[1]!) ?? 0) + 1);
      contexts.pairs += 1;
    }
    const context = chars.slice(0, -1).join('');
    contexts.total.set(context, (contexts.total.get(context) ?? 0) + count);
    contexts.types.set(context, (contexts.types.get(context) ?? 0) + 1);
  }
  const vocabulary = [...counts.keys()].filter((gram) => [...gram].length === 1 && gram !== LATIN).sort((a, b) => counts.get(b)! - counts.get(a)!);
  return { counts, total, vocabulary, contexts };
}

export function trainModel(texts: Iterable<string>): CharModel {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const [run] of toTokens(text).matchAll(RUN)) {
      const chars = [...run];
      total += chars.length;
      for (let i = 0; i < chars.length; i++) {
        let gram = '';
        for (let n = 0; n < ORDER && i + n < chars.length; n++) {
          gram += chars[i + n];
          counts.set(gram, (counts.get(gram) ?? 0) + 1);
        }
      }
    }
  }
  return build(counts, total);
}

/** The model with the text under repair mixed in as its own model. */
export const withText = (model: CharModel, text: string): CharModel => ({ ...model, own: trainModel([text]) });

/** The counts as text, one "gram TAB count" a line after the total: parsed far faster than JSON. */
export function modelToText(model: CharModel): string {
  const lines = [String(model.total)];
  for (const [gram, count] of model.counts) lines.push(`${gram}\t${count}`);
  return lines.join('\n');
}

export function modelFromText(text: string): CharModel {
  const [total = '0', ...lines] = text.split('\n');
  const counts = new Map<string, number>();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return build(counts, Number(total));
}

/** P(char | history) in one model, the history being up to ORDER − 1 characters. */
function probability(model: CharModel, history: readonly string[], char: string): number {
  // The base is how many different characters precede `char` (Kneser-Ney): a character that follows
  // anything (的, 了) is likelier in a new context than one that only ends a few set phrases.
  // Unseen characters get half a count, so that an unknown character is possible but unlikely.
  let p = ((model.contexts.preceded.get(char) ?? 0) + 0.5) / (model.contexts.pairs + 0.5 * (model.vocabulary.length + 1));
  for (let n = 1; n <= Math.min(ORDER - 1, history.length); n++) {
    const context = history.slice(-n).join('');
    const total = model.contexts.total.get(context);
    if (!total) break;
    const joint = model.counts.get(context + char) ?? 0;
    p = Math.max(joint - DISCOUNT, 0) / total + ((DISCOUNT * model.contexts.types.get(context)!) / total) * p;
  }
  return p;
}

function conditional(model: CharModel, history: readonly string[], char: string): number {
  const p = probability(model, history, char);
  return model.own ? (1 - OWN_SHARE) * p + OWN_SHARE * probability(model.own, history, char) : p;
}

/** The history a fill is scored after and the characters after it that are scored too. */
function frame(left: string, right: string): { history: string[]; follow: string[] } {
  return {
    history: [...(new RegExp(`[\\p{Script=Han}${LATIN}]{0,${ORDER - 1}}$`, 'u').exec(toTokens(left))?.[0] ?? '')],
    follow: [...(new RegExp(`^[\\p{Script=Han}${LATIN}]{0,${ORDER - 1}}`, 'u').exec(toTokens(right))?.[0] ?? '')],
  };
}

function framedScore(model: CharModel, { history: start, follow }: { history: string[]; follow: string[] }, middle: string): number {
  const history = [...start];
  let score = 0;
  for (const char of [...toTokens(middle), ...follow]) {
    if (!TOKEN.test(char)) {
      history.length = 0;
      continue;
    }
    score += Math.log(conditional(model, history, char));
    history.push(char);
  }
  return score;
}

/**
 * Log probability of `middle` between `left` and `right`: every character of middle and of the
 * first ORDER − 1 of right, each given what precedes it. Han characters and Latin words count as
 * history; anything else (punctuation, spaces) starts a new history.
 */
export const fillScore = (model: CharModel, left: string, middle: string, right: string): number => framedScore(model, frame(left, right), middle);

export interface Ranked {
  text: string;
  /** Share of the probability among the candidates ranked (0–1). */
  confidence: number;
}

/** Candidates ranked by fillScore, with their share of the probability among them. */
export function rankFills(model: CharModel, left: string, right: string, candidates: Iterable<string>, keep = 5): Ranked[] {
  const framed = frame(left, right);
  const scored = [...new Set(candidates)].map((text) => ({ text, score: framedScore(model, framed, text) }));
  return ranked(scored, keep);
}

function ranked(scored: Array<{ text: string; score: number }>, keep: number): Ranked[] {
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  const mass = scored.reduce((sum, { score }) => sum + Math.exp(score - best), 0);
  return scored.slice(0, keep).map(({ text, score }) => ({ text, confidence: Math.exp(score - best) / mass }));
}

/** Weight of the word evidence (the log probability of the best split into words) against the characters'. */
const WORD_WEIGHT = 1;
/** Characters of the same run either side of a fill that the word evidence splits with it. */
const WORD_WINDOW = 4;
/** How many of the character model's best fills the word evidence reranks, besides the fills words make. */
const RERANKED = 200;

const hanTail = (text: string): string => [...(/\p{Script=Han}*$/u.exec(text)?.[0] ?? '')].slice(-WORD_WINDOW).join('');
const hanHead = (text: string): string => [...(/^\p{Script=Han}*/u.exec(text)?.[0] ?? '')].slice(0, WORD_WINDOW).join('');

/**
 * The best fills of the given lengths. Candidates: single characters from the whole vocabulary;
 * longer fills from every string of that length the training text or the text under repair holds
 * (whole words) that starts with a character likely after `left` and ends with one likely before
 * `right`, and from a beam over the characters likeliest to follow `left`, each step kept to the
 * best `beam`, joined with the characters likeliest to precede `right`; and with a word model,
 * the fills that complete a dictionary word with their neighbours and the dictionary's words of
 * that length that start and end likely. The character model's best are then reranked by adding
 * the log probability of the likeliest split into words of the fill with its neighbours.
 */
export function rankGapFills(model: CharModel, left: string, right: string, lengths: readonly number[], keep = 5, beam = 60): Ranked[] {
  const vocabulary = model.vocabulary;
  const candidates: string[] = [];
  const words = model.words;
  const before = hanTail(left);
  const after = hanHead(right);
  if (lengths.includes(1)) candidates.push(...vocabulary);
  const longest = Math.max(...lengths);
  if (longest > 1) {
    const firsts = rankFills(model, left, '', vocabulary, 300).map(({ text }) => text);
    const lasts = rankFills(model, '', right, vocabulary, 300).map(({ text }) => text);
    const likelyFirst = new Set(firsts);
    const likelyLast = new Set(lasts);
    const grams = [model.counts.keys(), model.own?.counts.keys() ?? [], words?.logp.keys() ?? []];
    for (const source of grams) {
      for (const gram of source) {
        const chars = [...gram];
        if (chars.length > 1 && lengths.includes(chars.length) && !gram.includes(LATIN) && likelyFirst.has(chars[0]!) && likelyLast.has(chars.at(-1)!)) candidates.push(gram);
      }
    }
    let prefixes = [''];
    for (let length = 1; length < longest; length++) {
      prefixes = rankFills(model, left, '', prefixes.flatMap((prefix) => firsts.map((char) => prefix + char)), beam).map(({ text }) => text);
      if (lengths.includes(length + 1)) for (const prefix of prefixes) for (const last of lasts.slice(0, beam)) candidates.push(prefix + last);
    }
  }
  const framed = frame(left, right);
  const scored = [...new Set(candidates)].map((text) => ({ text, score: framedScore(model, framed, text) })).sort((a, b) => b.score - a.score);
  if (!words) return ranked(scored, keep);
  const shortlist = new Map(scored.slice(0, RERANKED).map(({ text, score }) => [text, score]));
  for (const length of lengths) for (const fill of wordFills(words, before, after, length)) if (!shortlist.has(fill)) shortlist.set(fill, framedScore(model, framed, fill));
  return ranked([...shortlist].map(([text, score]) => ({ text, score: score + WORD_WEIGHT * split(words, before + text + after).score })), keep);
}
