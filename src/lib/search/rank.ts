/**
 * Deciding which candidates Pagefind returned are real results, and in what order.
 *
 * A place is a result only if it contains every term of one spelling of the query as a whole
 * term (so "算力之爭" never returns a place that only has "算" and "力"), or it is about a
 * person or organisation the query names, or it is dated in the month/year the query names. The
 * place holding the whole query ranks first; a person's or an organisation's own page ranks
 * first for its name; an event ranks first for its month.
 */
import type { PlaceKind } from './data.ts';
import type { QueryPart, SearchPlan } from './query.ts';
import { endsWord, findTerm, fold, foldWithOrigin, termRanges } from './text.ts';
import type { FoldedText } from './text.ts';

export interface Candidate {
  /** URL of the place, with its fragment. */
  url: string;
  kind: PlaceKind;
  title: string;
  /** The indexed text of the place. */
  content: string;
  /** People and organisations the place is about or mentions. */
  people: readonly string[];
  organizations: readonly string[];
  /** Its "date" filter values. */
  dates: readonly string[];
  /** Pagefind's score (only its order among candidates matters). */
  score: number;
  /** The person or organisation the place stands for (its "is" filter), on its own page and index entry. */
  entity?: string;
  /** The article whose page the place is on (its "article" filter). */
  article?: string;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Place {
  url: string;
  kind: PlaceKind;
  title: string;
  excerpt: ExcerptPart[];
  score: number;
  /** The article whose page the place is on. */
  article?: string;
}

/**
 * How much each kind is preferred among places that match equally well: the article's own
 * words first, then the events and claims drawn from them, then the other pages.
 */
const KIND_PRIOR: Record<PlaceKind, number> = { passage: 3, event: 2.2, claim: 1.6, person: 1.6, organization: 1.6, page: 0.5 };

/** Characters of context shown around the first match. */
export const EXCERPT_LENGTH = 64;

interface Match {
  /** Ranges in the original content to highlight. */
  ranges: Array<[number, number]>;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The article's annotation badges (〔新智元・推論〕, 〔2023年2月〕): indexed, since they help a
 * query find its passage, but noise in an excerpt. The article's own text has no 〔〕.
 */
const BADGE = /〔[^〔〕]*〕/g;

/** Where a phrase ends: a reader can start or stop reading right after these. */
const PHRASE_END = /[\s，。、；：！？,.;:!?「」『』（）()《》〈〉—…]/u;
/** How far a cut may move to land after a phrase end instead of inside a phrase. */
const PHRASE_SLACK = 12;
/** How far a cut may move to land between words instead of inside one. */
const WORD_SLACK = 8;

let wordSegmenter: Intl.Segmenter | undefined;
/** Start offsets (in code points) of the words of `chars`, plus its end. */
function wordStarts(chars: readonly string[]): Set<number> {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const text = chars.join('');
  const starts = new Set<number>([chars.length]);
  // Segments come in UTF-16 offsets; count code points alongside.
  let point = 0;
  let unit = 0;
  for (const segment of wordSegmenter.segment(text)) {
    while (unit < segment.index) unit += chars[point++]!.length;
    starts.add(point);
  }
  return starts;
}

/**
 * The cut nearest `at` within [min, max] that falls after the end of a phrase if one is within
 * reach, else between words (never inside a Latin or a Chinese word); `at` if neither is.
 */
function snapCut(chars: readonly string[], at: number, min: number, max: number, starts: Set<number>): number {
  const nearest = (slack: number, fits: (index: number) => boolean): number | undefined => {
    for (let step = 0; step <= slack; step++) {
      for (const index of [at - step, at + step]) if (index >= min && index <= max && fits(index)) return index;
    }
    return undefined;
  };
  return (
    nearest(PHRASE_SLACK, (index) => index === 0 || index === chars.length || PHRASE_END.test(chars[index - 1]!)) ??
    nearest(WORD_SLACK, (index) => starts.has(index)) ??
    at
  );
}

/** A highlight of a single Latin letter or digit says nothing: it is left unmarked. */
const LONE_LETTER = /^[\p{Script=Latin}\p{Nd}]$/u;

/**
 * The excerpt: about EXCERPT_LENGTH characters around the first match, cut where a phrase or at
 * least a word ends, matches marked, badges left out.
 */
export function buildExcerpt(content: string, match: Match | null, length = EXCERPT_LENGTH): ExcerptPart[] {
  // Work in code points so a cut never splits a character; keep each one's offset in `content`.
  const badges = [...content.matchAll(BADGE)].map((found) => [found.index, found.index + found[0].length] as const);
  const chars: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  let badge = 0;
  for (const char of content) {
    while (badges[badge] && offset >= badges[badge]![1]) badge++;
    if (!(badges[badge] && offset >= badges[badge]![0])) {
      chars.push(char);
      offsets.push(offset);
    }
    offset += char.length;
  }
  // The first shown code point at or after a content offset.
  const toPoint = (target: number): number => {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsets[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const ranges = (match?.ranges ?? [])
    .map(([a, b]) => [toPoint(a), toPoint(b)] as [number, number])
    .filter(([a, b]) => b > a && !LONE_LETTER.test(chars.slice(a, b).join('')));
  const first = ranges.length > 0 ? Math.min(...ranges.map(([a]) => a)) : 0;
  const firstEnd = ranges.length > 0 ? Math.max(...ranges.filter(([a]) => a === first).map(([, b]) => b)) : 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  let end = Math.min(chars.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  if (start > 0 || end < chars.length) {
    const starts = wordStarts(chars);
    // The first match stays in view.
    if (start > 0) start = snapCut(chars, start, 0, first, starts);
    if (end < chars.length) end = snapCut(chars, end, Math.max(firstEnd, start + 1), chars.length, starts);
  }
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean): void => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    push(chars.slice(at, from).join(''), false);
    push(chars.slice(from, to).join(''), true);
    at = to;
  }
  push(chars.slice(at, end).join(''), false);
  if (end < chars.length) push('…', false);
  return parts;
}

interface Judged {
  candidate: Candidate;
  score: number;
  match: Match | null;
}

interface PartJudgement {
  score: number;
  ranges: Array<[number, number]>;
}

/**
 * How well a place answers one part of the query, or null when it does not: its text holds one
 * of the part's spellings, or it is about a person or organisation the part names. `alone` says
 * the part is the whole query: only then does a person's or organisation's own page rank first.
 */
function judgePart(candidate: Candidate, part: QueryPart, folded: FoldedText, foldedTitle: string, alone: boolean): PartJudgement | null {
  const toOriginal = ([a, b]: [number, number]): [number, number] => [folded.origin[a]!, folded.origin[b - 1]! + 1];
  let score = 0;
  const ranges: Array<[number, number]> = [];
  let textMatched = false;
  part.spellings.forEach((terms, index) => {
    if (terms.length === 0 || !terms.every((term) => findTerm(folded.text, term) !== -1)) return;
    const termRangesFound = terms.flatMap((term) => termRanges(folded.text, term));
    ranges.push(...termRangesFound.map(toOriginal));
    // The query in this script's usual spelling counts most, then its other spellings (a
    // character the pages also keep in a quoted original), then a name it stands for.
    let spellingScore = index === 0 ? 10 : index < part.typed ? 9 : 8;
    // All terms side by side, as one phrase.
    if (terms.length > 1 && findTerm(folded.text, terms.join(' ')) !== -1) spellingScore += 3;
    // A title the query names: a heading or a name typed in full counts most, a long
    // sentence that merely contains the query hardly at all.
    if (foldedTitle && terms.every((term) => findTerm(foldedTitle, term) !== -1)) {
      spellingScore += (3 * terms.join('').length) / foldedTitle.replace(/ /g, '').length;
    }
    // A Latin name typed in full beats the start of a longer word.
    if (termRangesFound.some(([, end]) => endsWord(folded.text, end))) spellingScore += 1;
    const firstAt = Math.min(...termRangesFound.map(([a]) => a));
    spellingScore += 0.5 * (1 - firstAt / Math.max(1, folded.text.length));
    score = Math.max(score, spellingScore);
    textMatched = true;
  });

  // A person or organisation named by the part: its own page and entry first (when the part is
  // the whole query), then every place about or mentioning it, whatever name it uses there.
  const inText = textMatched;
  let answered = textMatched;
  const about = (ids: readonly string[], own: (id: string) => boolean, ownEntry: (id: string) => boolean): void => {
    if (ids.length === 0) return;
    const rank = !alone ? 9 : ids.some(own) ? 30 : ids.some(ownEntry) ? 28 : 9;
    score = Math.max(score, rank) + (inText ? 1 : 0);
    answered = true;
  };
  about(
    part.people.filter((person) => candidate.people.includes(person)),
    (person) => candidate.url.endsWith(`/people/${person}/`),
    (person) => candidate.url.endsWith(`#person-${person}`),
  );
  about(
    part.organizations.filter((organization) => candidate.organizations.includes(organization)),
    (organization) => candidate.url.endsWith(`/organizations/${organization}/`),
    (organization) => candidate.url.endsWith(`#org-${organization}`),
  );
  return answered ? { score, ranges } : null;
}

function judge(candidate: Candidate, plan: SearchPlan, bestPagefindScore: number): Judged | null {
  const folded = foldWithOrigin(candidate.content);
  const foldedTitle = foldWithOrigin(candidate.title).text;
  const toOriginal = ([a, b]: [number, number]): [number, number] => [folded.origin[a]!, folded.origin[b - 1]! + 1];
  const alone = plan.parts.length === 1;
  const parts = plan.parts.map((part) => judgePart(candidate, part, folded, foldedTitle, alone));
  const answered = parts.every((part) => part !== null);
  // Several parts: the place must answer each; it counts as well as it answers them on average,
  // and better when the query stands in it word for word.
  let score = answered && parts.length > 0 ? parts.reduce((sum, part) => sum + part!.score, 0) / parts.length : 0;
  let ranges: Array<[number, number]> = answered ? parts.flatMap((part) => part!.ranges) : [];
  if (answered && !alone && findTerm(folded.text, fold(plan.query)) !== -1) score += 3;

  let dateMatched = false;
  if (plan.date) {
    const date = plan.date;
    if (candidate.dates.includes(date.filter)) {
      dateMatched = true;
      // An event of exactly that month before one whose period merely covers it.
      const months = candidate.dates.filter((value) => /^\d{4}-\d{2}$/.test(value)).length;
      score = Math.max(score, candidate.kind === 'event' ? 24 - Math.min(2, 0.1 * Math.max(0, months - 1)) : 9);
    }
    const formRanges = date.forms.flatMap((form) => termRanges(folded.text, foldWithOrigin(form).text));
    if (formRanges.length > 0) {
      dateMatched = true;
      ranges.push(...formRanges.map(toOriginal));
      score = Math.max(score, candidate.kind === 'event' ? 20 : 8);
    }
  }

  if (!(answered && parts.length > 0) && !dateMatched) return null;
  ranges = mergeRanges(ranges);
  score += KIND_PRIOR[candidate.kind] + (bestPagefindScore > 0 ? candidate.score / bestPagefindScore : 0);
  return { candidate, score, match: ranges.length === 0 ? null : { ranges } };
}

/**
 * What makes two results one place for a reader: the same URL; the same person or organisation
 * (its own page and its entry in an index); the same text shown on several pages (an event
 * listed on each of its people's pages), unless two articles each say it: a sentence two reports
 * share is two sources, and each result names its article.
 *
 * `seen` is the keys of the results kept so far; `keys` are the ones this result adds, `clashes`
 * the ones that make it a repeat.
 */
function sameness(candidate: Candidate): { keys: string[]; clashes: string[] } {
  const own = [`url:${candidate.url}`, ...(candidate.entity ? [`is:${candidate.entity}`] : [])];
  const text = candidate.content;
  if (candidate.article === undefined) return { keys: [...own, `text:any:${text}`, `text:none:${text}`], clashes: [...own, `text:any:${text}`] };
  const inArticle = `text:article:${candidate.article}:${text}`;
  return { keys: [...own, `text:any:${text}`, inArticle], clashes: [...own, `text:none:${text}`, inArticle] };
}

/** The first results, where kinds are mixed. */
const TOP = 3;

/**
 * Keeps the real results among `candidates`, best first, at most `limit`. The first three mix
 * kinds when they can, so a reader looking for the event finds it even when the article's
 * passages or the claims about it score a little higher.
 */
export function rankPlaces(candidates: readonly Candidate[], plan: SearchPlan, limit = Infinity): Place[] {
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  const seen = new Set<string>();
  const judged = candidates
    .map((candidate) => judge(candidate, plan, best))
    .filter((item): item is Judged => item !== null)
    .sort((a, b) => b.score - a.score || a.candidate.url.localeCompare(b.candidate.url))
    .filter(({ candidate }) => {
      const { keys, clashes } = sameness(candidate);
      if (clashes.some((key) => seen.has(key))) return false;
      keys.forEach((key) => seen.add(key));
      return true;
    });
  // Places of one kind among the first three while places of another kind are left: two when
  // the query names a person or a date (their page and entry; two events), else one (the
  // passage, the event and the claim with the same words).
  const maxSameKind = plan.people.length > 0 || plan.date ? 2 : 1;
  const ordered: Judged[] = [];
  const rest = [...judged];
  while (rest.length > 0) {
    let pick = 0;
    if (ordered.length < TOP) {
      const sameKind = (kind: PlaceKind): number => ordered.filter((item) => item.candidate.kind === kind).length;
      const other = rest.findIndex((item) => sameKind(item.candidate.kind) < maxSameKind);
      if (other !== -1) pick = other;
    }
    ordered.push(...rest.splice(pick, 1));
  }
  return ordered.slice(0, limit).map(({ candidate, score, match }) => ({
    url: candidate.url,
    kind: candidate.kind,
    title: candidate.title,
    excerpt: buildExcerpt(candidate.content, match),
    score,
    ...(candidate.article ? { article: candidate.article } : {}),
  }));
}
