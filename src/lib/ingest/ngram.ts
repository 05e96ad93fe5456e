/**
 * A character trigram model of Traditional Chinese, for ranking the characters that could fill a
 * gap (a lost character, a mojibake run): counts of every run of one to three Han characters in
 * the training text, scored with stupid backoff (Brants et al. 2007), which needs no normalisation
 * and is good enough to rank candidates against each other.
 */

const HAN_RUN = /\p{Script=Han}+/gu;
const BACKOFF = 0.4;

export interface CharModel {
  /** Count of each string of one, two or three Han characters. */
  counts: Map<string, number>;
  /** Number of Han characters in the training text. */
  total: number;
  /** Every character seen, most frequent first. */
  vocabulary: string[];
}

export function trainModel(texts: Iterable<string>): CharModel {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const [run] of text.matchAll(HAN_RUN)) {
      const chars = [...run];
      total += chars.length;
      for (let i = 0; i < chars.length; i++) {
        let gram = '';
        for (let n = 0; n < 3 && i + n < chars.length; n++) {
          gram += chars[i + n];
          counts.set(gram, (counts.get(gram) ?? 0) + 1);
        }
      }
    }
  }
  const vocabulary = [...counts.keys()].filter((gram) => [...gram].length === 1).sort((a, b) => counts.get(b)! - counts.get(a)!);
  return { counts, total, vocabulary };
}

/**
 * The model with the counts of `text` added `weight` times: the text being repaired is evidence of
 * its own vocabulary (a word it writes whole elsewhere is the likeliest reading of a gap).
 */
export function withText(model: CharModel, text: string, weight: number): CharModel {
  const own = trainModel([text]);
  const counts = new Map(model.counts);
  for (const [gram, count] of own.counts) counts.set(gram, (counts.get(gram) ?? 0) + weight * count);
  const vocabulary = [...counts.keys()].filter((gram) => [...gram].length === 1).sort((a, b) => counts.get(b)! - counts.get(a)!);
  return { counts, total: model.total + weight * own.total, vocabulary };
}

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
  const vocabulary = [...counts.keys()].filter((gram) => [...gram].length === 1).sort((a, b) => counts.get(b)! - counts.get(a)!);
  return { counts, total: Number(total), vocabulary };
}

/** Stupid-backoff score of `char` after `history` (up to two characters). */
function conditional(model: CharModel, history: string[], char: string): number {
  const { counts } = model;
  let weight = 1;
  for (let n = Math.min(2, history.length); n > 0; n--) {
    const context = history.slice(-n).join('');
    const joint = counts.get(context + char);
    const base = counts.get(context);
    if (joint && base) return weight * (joint / base);
    weight *= BACKOFF;
  }
  // Unseen characters get half a count, so that an unknown character is possible but unlikely.
  return weight * ((counts.get(char) ?? 0.5) / (model.total + 1));
}

/**
 * Log score of `middle` between `left` and `right`: every character of middle and of the first two
 * of right, each given what precedes it. Only Han characters count as history; anything else
 * (punctuation, Latin letters) starts a new history.
 */
export function fillScore(model: CharModel, left: string, middle: string, right: string): number {
  const history = [...(/\p{Script=Han}{0,2}$/u.exec(left)?.[0] ?? '')];
  let score = 0;
  const follow = [...(/^\p{Script=Han}{0,2}/u.exec(right)?.[0] ?? '')];
  for (const char of [...middle, ...follow]) {
    if (!/\p{Script=Han}/u.test(char)) {
      history.length = 0;
      continue;
    }
    score += Math.log(conditional(model, history, char));
    history.push(char);
  }
  return score;
}

export interface Ranked {
  text: string;
  /** Share of the probability among the candidates ranked (0–1). */
  confidence: number;
}

/** Candidates ranked by fillScore, with their share of the probability among them. */
export function rankFills(model: CharModel, left: string, right: string, candidates: Iterable<string>, keep = 5): Ranked[] {
  const scored = [...new Set(candidates)].map((text) => ({ text, score: fillScore(model, left, text, right) }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  const mass = scored.reduce((sum, { score }) => sum + Math.exp(score - best), 0);
  return scored.slice(0, keep).map(({ text, score }) => ({ text, confidence: Math.exp(score - best) / mass }));
}

/**
 * The best fills of one or two characters: single characters from the whole vocabulary; pairs from
 * the characters most likely after `left` followed by those most likely before `right`.
 */
export function rankGapFills(model: CharModel, left: string, right: string, lengths: readonly number[], keep = 5): Ranked[] {
  const vocabulary = model.vocabulary;
  const candidates: string[] = [];
  if (lengths.includes(1)) candidates.push(...vocabulary);
  if (lengths.includes(2)) {
    const firsts = rankFills(model, left, '', vocabulary, 40).map(({ text }) => text);
    const seconds = rankFills(model, '', right, vocabulary, 40).map(({ text }) => text);
    for (const first of firsts) for (const second of seconds) candidates.push(first + second);
  }
  return rankFills(model, left, right, candidates, keep);
}
