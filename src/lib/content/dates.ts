/**
 * Dates. Every value must be a real date; a relative date ("two weeks later") must agree with its
 * base (an event, or the article's date) and not form a cycle; and the words that give a date must
 * be the article's own and agree with the value, which is never more precise than they are.
 */
import { closestPassage } from './text-quote.ts';
import { isTextBlock } from './article-text.ts';
import type { Context } from './context.ts';
import { q } from './errors.ts';
import type { Problems, Where } from './problems.ts';
import { checkRelative, coveringValue, DateError, disagreementWithWords, finerThan, parseDate, precisionOfWords, type ParsedDate } from './date-values.ts';
import type { DateSpec } from './schema.ts';

/** The parsed dates of the usable events and articles whose value is real. */
export interface Dates {
  events: Map<string, ParsedDate>;
  articles: Map<string, ParsedDate>;
}

/** Every event and article date is parsed first; the checks that need a base then run on the real ones. */
export function checkDates(context: Context): Dates {
  const { problems } = context;
  const dates: Dates = { events: new Map(), articles: new Map() };
  for (const [id, event] of context.events) {
    const parsed = parsedValue(problems, event.data!.date.value, event, 'date.value');
    if (parsed) dates.events.set(id, parsed);
  }
  for (const [id, article] of context.articles) {
    const parsed = parsedValue(problems, article.data!.date.value, article, 'date.value');
    if (parsed) dates.articles.set(id, parsed);
  }
  for (const [id, event] of context.events) {
    if (!dates.events.has(id)) continue;
    checkDateWords(context, event.data!.date, event, 'date', event.data!.anchor.article);
    checkRelativeDate(context, dates, event.data!.date, event, 'date', event.data!.anchor.article, id);
  }
  for (const article of context.articles.values()) {
    if (dates.articles.has(article.id!)) checkRelativeDate(context, dates, article.data!.date, article, 'date', article.id);
  }
  return dates;
}

/** The value parsed, or undefined when it is not a real date (reported). */
export function parsedValue(problems: Problems, value: string, where: Where, field: string): ParsedDate | undefined {
  // parseDate takes any four digits, and Date reads the years 0–99 as 1900–1999.
  const early = /(?:^|\/)(0\d{3})/.exec(value);
  if (early) {
    problems.add(where, field, `${q(value)} is not a real date: the year ${early[1]!} is before 1000`, 'Write the year in full, e.g. "2023".');
    return undefined;
  }
  try {
    return parseDate(value);
  } catch (error) {
    if (!(error instanceof DateError)) throw error;
    problems.add(where, field, error.message, error.hint);
    return undefined;
  }
}

/** Checks `spec.relative`; `contextArticle` is what "article" refers to. */
export function checkRelativeDate(context: Context, dates: Dates, spec: DateSpec, where: Where, field: string, contextArticle: string | undefined, self?: string): void {
  const { problems, articles } = context;
  const { ref } = context.references;
  const relativeTo = spec.relative;
  if (!relativeTo) return;
  let baseValue: string | undefined;
  let baseLabel: string;
  if (relativeTo.to === 'article') {
    if (where.collection === 'articles') {
      problems.add(where, `${field}.relative.to`, 'an article date cannot be relative to the article itself', 'Give the article date as written, or relative to an event.');
      return;
    }
    if (contextArticle === undefined) {
      problems.add(where, `${field}.relative.to`, '"article" here does not name one article', 'Make the date relative to an event, or anchor the entry in one article.');
      return;
    }
    // An unknown article is reported where it is named; a broken one reports its own errors.
    if (!articles.has(contextArticle)) return;
    baseValue = articles.get(contextArticle)!.data!.date.value;
    if (!dates.articles.has(contextArticle)) return;
    baseLabel = `the date of article ${q(contextArticle)}`;
  } else {
    if (!ref(where, `${field}.relative.to`, 'event', relativeTo.to)) return;
    if (relativeTo.to === self) {
      problems.add(where, `${field}.relative.to`, 'a date cannot be relative to its own event', 'Name the event the text counts from.');
      return;
    }
    const base = context.events.get(relativeTo.to);
    if (!base || !dates.events.has(relativeTo.to)) return;
    // Follow the chain of bases: a cycle has no date to start from. Each event in a cycle
    // reports it; dates that merely count from one are not reported again.
    const seen = [relativeTo.to];
    for (let next = base.data!.date.relative?.to; next && next !== 'article'; next = context.events.get(next)?.data?.date.relative?.to) {
      if (next === self) {
        problems.add(where, `${field}.relative.to`, `relative dates form a cycle: ${[self, ...seen, self].join(' → ')}`, 'One event in the chain must have a date of its own.');
        return;
      }
      if (seen.includes(next)) return;
      seen.push(next);
    }
    baseValue = base.data!.date.value;
    baseLabel = `event ${q(relativeTo.to)}`;
  }
  const problem = checkRelative(spec.value, baseValue, relativeTo.offset, baseLabel);
  if (problem) problems.add(where, `${field}.value`, problem.problem, problem.hint);
}

/** The words that give a date are the article's own, and the numbers they state agree with the value. */
export function checkDateWords(context: Context, spec: DateSpec, where: Where, field: string, contextArticle: string | undefined): void {
  const { problems } = context;
  const article = contextArticle === undefined ? undefined : context.articles.get(contextArticle);
  if (!article) return;
  if (!article.blocks.some((block) => isTextBlock(block) && block.text.includes(spec.text))) {
    const closest = closestPassage(article.blocks, spec.text, context.passageBudget);
    problems.add(
      where,
      `${field}.text`,
      `the words ${q(spec.text)} are not in article ${q(article.id!)}`,
      `Give the words of the article that state the date${closest ? `; the closest passage is ${q(closest.text)} in ${closest.blockId}` : ''}.`,
    );
    return;
  }
  const disagreement = disagreementWithWords(spec.value, spec.text);
  if (disagreement) {
    problems.add(where, `${field}.value`, `${q(spec.value)} does not agree with the words ${q(spec.text)}, which state ${disagreement}`, 'Correct the value, or the words if they are not the ones that give this date.');
    return;
  }
  const stated = precisionOfWords(spec.text);
  const value = parseDate(spec.value);
  if (stated && finerThan(value.precision, stated)) {
    problems.add(
      where,
      `${field}.value`,
      `${q(spec.value)} is more precise than its words ${q(spec.text)}, which give the ${stated}`,
      `Write ${q(coveringValue(value.start, value.end, stated))}: a date is never more precise than its source.`,
    );
  }
}
