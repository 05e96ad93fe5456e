/** Text helpers for excerpts shown on pages (pure, no markup: pages render the parts as text). */

export interface Excerpt { before: string; match: string; after: string }

const sentenceEnd = /[。！？!?；]/u;
const closers = /[」』”’）)]/u;

/**
 * The sentence of `context` around the quote at [start, end) (UTF-16 offsets), split around
 * it. A sentence ends at 。！？; or ;, together with closing quotes after it. Very long
 * sentences are cut to `maxSide` characters on each side of the quote.
 */
export function sentenceAround(context: string, start: number, end: number, maxSide = 60): Excerpt {
  if (start < 0 || end > context.length || start > end) return { before: '', match: context.slice(Math.max(0, start), Math.max(0, end)), after: '' };
  // Work in code points so that characters outside the BMP are never split.
  const chars = Array.from(context);
  const startIndex = Array.from(context.slice(0, start)).length;
  const endIndex = startIndex + Array.from(context.slice(start, end)).length;

  let from = startIndex;
  while (from > 0) {
    const prev = chars[from - 1]!;
    if (sentenceEnd.test(prev)) break;
    if (closers.test(prev) && from > 1 && sentenceEnd.test(chars[from - 2]!)) break;
    from--;
  }
  let to = endIndex;
  while (to < chars.length && !sentenceEnd.test(chars[to]!)) to++;
  if (to < chars.length) to++;
  while (to < chars.length && closers.test(chars[to]!)) to++;

  let before = chars.slice(from, startIndex).join('').trimStart();
  let after = chars.slice(endIndex, to).join('').trimEnd();
  if (Array.from(before).length > maxSide) before = `…${Array.from(before).slice(-maxSide).join('')}`;
  if (Array.from(after).length > maxSide) after = `${Array.from(after).slice(0, maxSide).join('')}…`;
  return { before, match: chars.slice(startIndex, endIndex).join(''), after };
}

/** The name readers see first: the Latin name when there is one, else the Chinese. */
export function primaryName(name: { latin?: string; zh: string }): string {
  return name.latin ?? name.zh;
}

/** The other name, shown beside the primary one, or undefined when there is none. */
export function secondaryName(name: { latin?: string; zh: string }): string | undefined {
  return name.latin && name.latin !== name.zh ? name.zh : undefined;
}

/** Group items by a key, keeping the order in which keys first appear. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}

export interface QuotePart {
  text: string;
  /** A quotation of the damaged source, shown as written in both scripts. */
  source: boolean;
}

/**
 * Splits a note of the corrections log around its 「…」 quotations, marking those that quote the
 * source as received (`isSource` says whether a quoted string is one: part of the raw text, or
 * of the repair's before and after). The Simplified twin converts the rest of the note and leaves
 * these as written: converting 「涌」是「湧」的簡體 would make it say nothing.
 */
export function sourceQuoteParts(text: string, isSource: (quoted: string) => boolean): QuotePart[] {
  const parts: QuotePart[] = [];
  const push = (part: string, source: boolean): void => {
    if (part === '') return;
    const last = parts[parts.length - 1];
    if (last && last.source === source) last.text += part;
    else parts.push({ text: part, source });
  };
  let at = 0;
  for (const match of text.matchAll(/「([^「」]+)」/gu)) {
    const quoted = match[1]!;
    const start = match.index + 1;
    push(text.slice(at, start), false);
    push(quoted, isSource(quoted));
    at = start + quoted.length;
  }
  push(text.slice(at), false);
  return parts;
}
