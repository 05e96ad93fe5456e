/**
 * Build step: every internal link, resource and fragment of the staged site resolves
 * (scripts/lib/link-check.ts, the checker tests/site/links.test.ts runs on dist/). Runs after
 * the pages, twins, sitemap and redirects exist and before the swap, so a broken link fails the
 * build and nothing is published. Each problem names the page file and, when the link sits in or
 * points at an element made from a content entry (claim-<id>, event-<id>, mention-…, fix-…,
 * log-…, person-…, org-…), which entry that is.
 */
import { checkLinks, type LinkCheckResult, type LinkProblem } from '../lib/link-check.ts';
import type { PageFacts } from '../lib/built-pages.ts';
import type { Site } from '../../src/lib/content/model.ts';

/** Problems listed in the error; the rest are counted (one template bug can break a link on every page). */
const LISTED_PROBLEMS = 200;

/** Names the content entry behind an element id, or null when the id says nothing about one. */
export type EntryOfId = (id: string) => string | null;

/**
 * The content entries behind element ids, from the validated site: the ids the model itself
 * assigns (anchors of claims, events, repairs and mentions), then the page ids made by prefixing
 * an entry id. An id whose entry content/ does not have is said to be missing.
 */
export function entriesOfIds(site: Site): EntryOfId {
  const exact = new Map<string, string>();
  const setOnce = (id: string, entry: string): void => void (exact.has(id) ? null : exact.set(id, entry));
  const repairs = new Map<string, string>();
  for (const article of site.articles) {
    for (const repair of [...article.data.corrections.instances, ...article.data.corrections.classes]) {
      repairs.set(repair.id, `repair "${repair.id}" in the corrections log of ${article.file}`);
    }
  }
  for (const [id, anchor] of site.anchors.claim) setOnce(anchor.elementId, `claim "${id}" (${site.get.claim(id).file})`);
  for (const [id, anchor] of site.anchors.event) setOnce(anchor.elementId, `event "${id}" (${site.get.event(id).file})`);
  for (const [id, anchor] of site.anchors.fix) setOnce(anchor.elementId, repairs.get(id) ?? `repair "${id}" of article "${anchor.article}"`);
  const entities = new Map<string, string>([
    ...site.people.map((person): [string, string] => [person.id, `person "${person.id}" (${person.file})`]),
    ...site.organizations.map((org): [string, string] => [org.id, `organisation "${org.id}" (${org.file})`]),
  ]);
  for (const [entity, anchors] of site.mentions) {
    for (const anchor of anchors) {
      setOnce(anchor.elementId, `a mention of ${entities.get(entity) ?? `"${entity}"`} in article "${anchor.article}"`);
    }
  }
  const byPrefix: Array<[prefix: string, kind: string, known: Map<string, string>]> = [
    ['claim-', 'claim', new Map(site.claims.map((claim) => [claim.id, `claim "${claim.id}" (${claim.file})`]))],
    ['event-', 'event', new Map(site.events.map((event) => [event.id, `event "${event.id}" (${event.file})`]))],
    ['person-', 'person', new Map(site.people.map((person) => [person.id, `person "${person.id}" (${person.file})`]))],
    ['org-', 'organisation', new Map(site.organizations.map((org) => [org.id, `organisation "${org.id}" (${org.file})`]))],
    ['dispute-', 'dispute', new Map(site.disputes.map((dispute) => [dispute.id, `dispute "${dispute.id}" (${dispute.file})`]))],
    ['log-', 'repair', repairs],
    ['fix-', 'repair', repairs],
  ];
  return (id) => {
    const found = exact.get(id);
    if (found) return found;
    for (const [prefix, kind, known] of byPrefix) {
      if (!id.startsWith(prefix)) continue;
      const entryId = id.slice(prefix.length);
      return known.get(entryId) ?? `${kind} "${entryId}", which content/ does not have`;
    }
    return null;
  };
}

/** One problem as the build reports it: the page file, what is wrong, and the entries involved. */
export function describeProblem(problem: LinkProblem, entryOf: EntryOfId): string {
  const notes: string[] = [];
  const source = problem.within === undefined ? null : entryOf(problem.within);
  if (source) notes.push(`it sits in #${problem.within}, made from ${source}`);
  const target = problem.fragment === undefined || problem.fragment === problem.within ? null : entryOf(problem.fragment);
  if (target) notes.push(`#${problem.fragment} is the place of ${target}`);
  return `${problem.file}: ${problem.message}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

/** Checks the staged site; throws one error listing every problem (up to LISTED_PROBLEMS). `parsed`: the pages' facts from the CSP step. */
export function checkStagedLinks(staging: string, base: string, site: Site, parsed?: ReadonlyMap<string, PageFacts>): LinkCheckResult {
  const result = checkLinks({ root: staging, base, ...(parsed ? { parsed } : {}) });
  if (result.details.length === 0) return result;
  const entryOf = entriesOfIds(site);
  const listed = result.details.slice(0, LISTED_PROBLEMS).map((problem) => `  ${describeProblem(problem, entryOf)}`);
  const more = result.details.length - listed.length;
  const count = result.details.length;
  const report =
    `link check: ${count} problem${count === 1 ? '' : 's'} with internal links and fragments in the built site (files below ${staging}); ` +
    `every link must point to a page and an id that the build writes:\n${listed.join('\n')}${more > 0 ? `\n  … and ${more} more` : ''}`;
  throw new Error(report);
}
