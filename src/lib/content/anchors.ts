/**
 * Anchors: where events, claims and repairs sit in the published text. Each event and claim
 * quotes its article (a TextQuoteSelector, src/lib/content/text-quote.ts) at exactly one place; the ids it
 * names are checked in the same pass, entry by entry. Each repair of an article's corrections log
 * must fit one place of the body (its place in the raw source is checked in content-articles.ts).
 */
import { closestPassage, placeRepair, resolveQuote } from './text-quote.ts';
import type { Context } from './context.ts';
import { q } from './errors.ts';
import type { Anchor } from './model.ts';
import type { Where } from './problems.ts';
import { FULL_WIDTH, HALF_WIDTH_MARK } from '../restore/patterns.ts';
import type { QuoteSelector } from './schema.ts';

/** Where a quote starts in document order; claims are listed in it. */
interface Position {
  article: number;
  block: number;
  start: number;
}

export interface Quotes {
  anchors: { claim: Map<string, Anchor>; event: Map<string, Anchor> };
  /** By "<kind>:<id>". */
  positions: Map<string, Position>;
}

/** Events, then claims: the ids each names, then its quote. */
export function checkEventsAndClaims(context: Context): Quotes {
  const { refs, sourceRef } = context.references;
  const quotes: Quotes = { anchors: { claim: new Map(), event: new Map() }, positions: new Map() };
  for (const event of context.events.values()) {
    const data = event.data!;
    refs(event, 'people', 'person', data.people);
    refs(event, 'organizations', 'organization', data.organizations);
    anchorQuote(context, quotes, data.anchor, event, 'event', event.id!);
  }
  for (const claim of context.claims.values()) {
    const data = claim.data!;
    sourceRef(claim, 'by', data.by);
    refs(claim, 'people', 'person', data.people);
    refs(claim, 'events', 'event', data.events);
    refs(claim, 'organizations', 'organization', data.organizations);
    anchorQuote(context, quotes, data.anchor, claim, 'claim', claim.id!);
  }
  return quotes;
}

/** A quote that does not match exactly one place is reported with where it does occur, or the closest passage. */
function anchorQuote(context: Context, quotes: Quotes, selector: QuoteSelector, where: Where, kind: 'claim' | 'event', id: string): void {
  const { problems } = context;
  const { ref } = context.references;
  if (!ref(where, 'anchor.article', 'article', selector.article)) return;
  const article = context.articles.get(selector.article);
  if (!article) return;
  const trimmed = selector.quote.trim();
  if (trimmed !== selector.quote) {
    // Spaces around the words mark nothing, and "quote: |" keeps the final line break.
    problems.add(
      where,
      'anchor.quote',
      trimmed === '' ? `the quote ${q(selector.quote)} is only whitespace` : `the quote ${q(selector.quote)} ${/^\s/.test(selector.quote) ? 'starts' : 'ends'} with whitespace`,
      trimmed === ''
        ? 'Quote the words of the article that the entry is about.'
        : `Write ${q(trimmed)}${/\n\s*$/.test(selector.quote) ? ' (a YAML "|" block keeps the final line break; "|-" drops it)' : ''}.`,
    );
    return;
  }
  const result = resolveQuote(article.blocks, selector, context.passageBudget);
  if (result.ok) {
    const block = article.blocks[result.at.blockIndex]!;
    quotes.anchors[kind].set(id, {
      article: selector.article,
      blockId: result.at.blockId,
      elementId: `${kind}-${id}`,
      quote: selector.quote,
      context: block.text,
      start: result.at.start,
      end: result.at.end,
    });
    quotes.positions.set(`${kind}:${id}`, { article: article.order, block: result.at.blockIndex, start: result.at.start });
    return;
  }
  switch (result.kind) {
    case 'not-found': {
      // The published text has Chinese punctuation full-width; a quote typed with "," misses it.
      const fullWidth = selector.quote.replace(HALF_WIDTH_MARK, (mark) => FULL_WIDTH[mark]!);
      const retried = fullWidth === selector.quote ? undefined : resolveQuote(article.blocks, { ...selector, quote: fullWidth });
      problems.add(
        where,
        'anchor.quote',
        `the quote ${q(selector.quote)} is not in article ${q(selector.article)}`,
        retried && (retried.ok || retried.kind !== 'not-found')
          ? `The article writes this punctuation full-width: quote ${q(fullWidth)}.`
          : result.closest
            ? `The closest passage is ${q(result.closest.text)} in ${result.closest.blockId}; quote the article exactly, within one paragraph.`
            : article.blocks.some((block) => block.text !== '')
              ? 'Quote the article exactly, within one paragraph.'
              : 'The article has no text to quote.',
      );
      break;
    }
    case 'ambiguous': {
      const places = result.matches.map((m) => {
        const text = article.blocks[m.blockIndex]!.text;
        return `${m.blockId} (after ${q(text.slice(Math.max(0, m.start - 4), m.start))}, before ${q(text.slice(m.end, m.end + 4))})`;
      });
      problems.add(
        where,
        'anchor.quote',
        `the quote ${q(selector.quote)} matches ${result.matches.length} places${selector.prefix || selector.suffix ? ' even with its prefix/suffix' : ''}`,
        `It occurs in ${places.join(', ')}: add a prefix or suffix (the exact text right before or after the quote) so that it matches one place.`,
      );
      break;
    }
    case 'prefix':
    case 'suffix':
    case 'context': {
      const field = result.kind === 'context' ? 'anchor.suffix' : `anchor.${result.kind}`;
      const given = result.kind === 'prefix' ? selector.prefix! : selector.suffix!;
      const problem =
        result.kind === 'context'
          ? `no occurrence of the quote has both the prefix ${q(selector.prefix!)} and the suffix ${q(selector.suffix!)}`
          : `the ${result.kind} ${q(given)} is not right ${result.kind === 'prefix' ? 'before' : 'after'} any occurrence of the quote ${q(selector.quote)}`;
      const describe = (o: { blockId: string; before: string; after: string }): string =>
        result.kind === 'prefix' ? `${o.blockId} after ${q(o.before)}` : result.kind === 'suffix' ? `${o.blockId} before ${q(o.after)}` : `${o.blockId} between ${q(o.before)} and ${q(o.after)}`;
      problems.add(where, field, problem, `The quote occurs in ${result.occurrences.map(describe).join('; ')}.`);
    }
  }
}

/** The anchors of the repairs, by repair id. */
export function placeRepairs(context: Context): Map<string, Anchor> {
  const { problems } = context;
  const fixes = new Map<string, Anchor>();
  for (const article of context.articles.values()) {
    article.data!.corrections.instances.forEach((repair, index) => {
      const placed = placeRepair(article.blocks, repair);
      const field = `corrections.instances[${index}].after`;
      if (placed.ok) {
        const block = article.blocks[placed.at.blockIndex]!;
        // An id another article took first is reported by checkArticles; it keeps its own mark.
        if (fixes.has(repair.id)) return;
        fixes.set(repair.id, {
          article: article.id!,
          blockId: placed.at.blockId,
          elementId: `fix-${repair.id}`,
          quote: repair.after,
          context: block.text,
          start: placed.at.start,
          end: placed.at.end,
        });
        return;
      }
      if (placed.kind === 'not-found') {
        const closest = closestPassage(article.blocks, `${repair.prefix ?? ''}${repair.after}${repair.suffix ?? ''}`, context.passageBudget);
        problems.add(
          article,
          field,
          `the repaired text ${q(repair.after)} with its prefix ${q(repair.prefix ?? '')} and suffix ${q(repair.suffix ?? '')} is not in the published body`,
          closest
            ? `The closest passage is ${q(closest.text)} in ${closest.blockId}; the body and the log must agree (run the restoration again).`
            : article.blocks.some((block) => block.text !== '')
              ? 'The body and the log must agree (run the restoration again).'
              : 'The body is empty.',
        );
      } else {
        problems.add(
          article,
          field,
          `the repaired text ${q(repair.after)} fits ${placed.candidates.length} places equally well: ${placed.candidates.map((c) => c.blockId).join(', ')}`,
          'Lengthen the prefix or suffix so that it points to one place.',
        );
      }
    });
  }
  return fixes;
}
