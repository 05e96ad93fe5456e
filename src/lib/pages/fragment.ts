/**
 * Text-fragment links (`#:~:text=…`) that land on an annotated quote of the article.
 *
 * Browsers match each term of a text directive against the rendered text, only at word
 * boundaries, and take the first match in the page. On the article page the annotation tags
 * (〔來源・方式〕, 〔日期〕, 〔刪〕) are inserted after nested claims and events, so a quote may
 * be broken by extra text: the directive then uses "start,end" terms that each stay inside one
 * unbroken stretch, cut at word boundaries (ICU word segmentation, as browsers use), and gets
 * a prefix (or, for a quote given whole, a suffix) when the start term would first match
 * somewhere else on the page.
 * When no reliable directive exists, none is offered.
 */
import type { Site } from '../content/index.ts';
import { siteIndex } from '../site/article-index.ts';
import { encodeTextDirectiveTerm } from './urls.ts';

export interface FragmentTarget {
  /** The text of the block that holds the quote. */
  context: string;
  /** Offsets of the quote in `context`, end exclusive. */
  start: number;
  end: number;
  /** Offsets in `context` where the page inserts text of its own (annotation tags). */
  cuts: readonly number[];
  /** Where the block's text starts in `article`. */
  offset: number;
  /** The article's blocks' text, in order, as one string. */
  article: string;
  /** Other text shown on the article page before the body (title, summary, contents). */
  preamble: readonly string[];
  /** Longest term, in characters; long quotes are given as start and end terms. */
  maxTerm?: number;
}

const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });

export function wordBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  for (const segment of segmenter.segment(text)) boundaries.add(segment.index);
  return boundaries;
}

/** The directive for a target, without "#", or undefined when no reliable one exists. */
export function quoteTextDirective(target: FragmentTarget): string | undefined {
  const { context, start, end, offset, article } = target;
  const maxTerm = target.maxTerm ?? 20;
  const boundaries = wordBoundaries(context);
  if (!boundaries.has(start) || !boundaries.has(end) || start >= end) return undefined;
  const inner = target.cuts.filter((cut) => cut > start && cut < end).sort((a, b) => a - b);
  const firstBreak = inner[0] ?? end;
  const lastBreak = inner[inner.length - 1] ?? start;
  const sorted = [...boundaries].sort((a, b) => a - b);

  // Start term: up to maxTerm characters, never past the first inserted text.
  let startEnd = firstBreak;
  if (startEnd - start > maxTerm || inner.length > 0 || end - start > maxTerm) {
    const limit = Math.min(firstBreak, start + maxTerm);
    startEnd = sorted.filter((b) => b > start && b <= limit).pop() ?? -1;
  }
  if (startEnd <= start) return undefined;
  const whole = startEnd === end;

  // End term: the last words, never before the last inserted text.
  let endStart = end;
  if (!whole) {
    const limit = Math.max(lastBreak, end - maxTerm, startEnd);
    endStart = sorted.find((b) => b >= limit && b < end) ?? end;
    if (endStart >= end) return undefined;
  }

  const startTerm = context.slice(start, startEnd);
  const endTerm = whole ? '' : context.slice(endStart, end);
  const absoluteStart = offset + start;
  const firstIn = (text: string, term: string, from = 0): number => text.indexOf(term, from);
  const lands = (prefix: string): boolean => {
    const needle = prefix + startTerm;
    if (target.preamble.some((text) => text.includes(needle))) return false;
    if (firstIn(article, needle) !== absoluteStart - prefix.length) return false;
    return whole || firstIn(article, endTerm, absoluteStart + startTerm.length) === offset + endStart;
  };

  let prefix = '';
  let suffix = '';
  if (!lands('')) {
    // A prefix must touch the quote: no inserted text between them.
    const floor = Math.max(0, ...target.cuts.filter((cut) => cut < start));
    const candidates = target.cuts.includes(start) ? [] : sorted.filter((b) => b >= floor && b < start && start - b <= maxTerm).reverse();
    const found = candidates.find((b) => lands(context.slice(b, start)));
    if (found !== undefined) {
      prefix = context.slice(found, start);
    } else {
      // Else the words right after a short quote (another "Pineau" with the same words before it
      // is followed by different ones), again with no inserted text in between.
      if (!whole || target.cuts.includes(end)) return undefined;
      const ceiling = Math.min(context.length, ...target.cuts.filter((cut) => cut > end));
      const landsBefore = (after: string): boolean => {
        const needle = startTerm + after;
        return !target.preamble.some((text) => text.includes(needle)) && firstIn(article, needle) === absoluteStart;
      };
      const next = sorted.find((b) => b > end && b <= ceiling && b - end <= maxTerm && landsBefore(context.slice(end, b)));
      if (next === undefined) return undefined;
      suffix = context.slice(end, next);
    }
  }

  const terms = [
    ...(prefix ? [`${encodeTextDirectiveTerm(prefix)}-`] : []),
    encodeTextDirectiveTerm(startTerm),
    ...(whole ? [] : [encodeTextDirectiveTerm(endTerm)]),
    ...(suffix ? [`-${encodeTextDirectiveTerm(suffix)}`] : []),
  ];
  return `:~:text=${terms.join(',')}`;
}

export interface PlacedQuote { blockId: string; quote: string; start: number; end: number }

export interface ArticleText {
  blocks: readonly { id: string; text: string }[];
  /** Anchors whose mark adds a tag at their end (claims, events). */
  tagged: readonly PlacedQuote[];
  /** Anchors that add text at their start (repairs that deleted text). */
  inserted: readonly PlacedQuote[];
  preamble: readonly string[];
}

/** A text-directive builder for quotes of one article. */
export function articleDirectives(text: ArticleText): (quote: PlacedQuote) => string | undefined {
  const offsets = new Map<string, number>();
  let cursor = 0;
  for (const block of text.blocks) {
    offsets.set(block.id, cursor);
    cursor += block.text.length + 1;
  }
  const article = text.blocks.map((block) => block.text).join('\n');
  const contexts = new Map(text.blocks.map((block) => [block.id, block.text]));
  return (quote) => {
    const context = contexts.get(quote.blockId);
    const offset = offsets.get(quote.blockId);
    if (context === undefined || offset === undefined) return undefined;
    const cuts = [
      ...text.tagged.filter((other) => other.blockId === quote.blockId).map((other) => other.end),
      ...text.inserted.filter((other) => other.blockId === quote.blockId).map((other) => other.start),
    ];
    return quoteTextDirective({ context, start: quote.start, end: quote.end, cuts, offset, article, preamble: text.preamble });
  };
}

const builders = new WeakMap<Site, Map<string, (quote: PlacedQuote) => string | undefined>>();

/**
 * The directive builder for an article of the site (built once per site and article): its
 * blocks, its tags and the text above its body, `preambleExtra` being any further text there.
 */
export function siteDirectives(site: Site, articleId: string, preambleExtra: readonly string[]): (quote: PlacedQuote) => string | undefined {
  const forSite = builders.get(site) ?? new Map<string, (quote: PlacedQuote) => string | undefined>();
  builders.set(site, forSite);
  const known = forSite.get(articleId);
  if (known) return known;
  const built = buildSiteDirectives(site, articleId, preambleExtra);
  forSite.set(articleId, built);
  return built;
}

function buildSiteDirectives(site: Site, articleId: string, preambleExtra: readonly string[]): (quote: PlacedQuote) => string | undefined {
  const article = site.get.article(articleId);
  const own = siteIndex(site).anchorsOf(articleId);
  const retold = article.data.retells ? article.data.corrections.references.find((ref) => ref.id === article.data.retells) : undefined;
  return articleDirectives({
    blocks: article.blocks,
    tagged: [...own.claims, ...own.events].map(([, anchor]) => anchor),
    inserted: own.fixes.map(([, anchor]) => anchor).filter((anchor) => anchor.quote === ''),
    preamble: [
      article.data.title,
      article.data.summary,
      article.data.date.text,
      site.get.organization(article.data.publisher).data.name.zh,
      ...(retold ? [retold.title, retold.publisher ?? ''] : []),
      ...article.blocks.filter((block) => block.kind === 'heading').map((block) => block.text),
      ...preambleExtra,
    ],
  });
}
