/**
 * content/ → the validated Site model that pages consume (the Site API: model.ts), without Astro.
 * Pages read it through src/lib/site/cache.ts, which also renders the articles (src/lib/site/render.ts).
 *
 * Everything is checked in one pass and every problem is collected, so a maintainer sees all of
 * them at once: files that nothing would read, YAML syntax and text encoding, the zod schemas,
 * duplicate ids, every cross-reference (and an id of the wrong kind), dates (impossible,
 * reversed, more precise than their base), every quote selector, every repair against the raw
 * source and the body, every mention form and alias, and the conversion rules. Any problem
 * throws a ContentErrorList.
 *
 * This module is the entry point; each phase of loadContent lives in a module of its own
 * (src/lib/content/*.ts), and a check for a new field goes in the phase of its collection.
 */
import { checkEventsAndClaims, placeRepairs } from './anchors.ts';
import { checkAccounts } from './accounts.ts';
import { checkArchive } from './archive.ts';
import { checkArticles } from './articles.ts';
import { checkContentFolder, loadCollections, type Reader } from './collections.ts';
import { createContext } from './context.ts';
import { checkContradictions } from './contradictions.ts';
import { checkConversionRules } from './conversion-rules.ts';
import { checkDates } from './dates.ts';
import { checkDisputes } from './disputes.ts';
import { checkMentions } from './mentions.ts';
import type { Site } from './model.ts';
import { checkPapers } from './papers.ts';
import { checkOrganizations, checkPeople } from './people.ts';
import { Problems } from './problems.ts';
import { checkIds } from './references.ts';
import { assembleSite } from './site.ts';

export type { Block } from './article-text.ts';
export { FIGURE_PAPERS, type Anchor, type ArticleEntry, type Entry, type Site } from './model.ts';
export type { RosterRow, RosterStatus } from './rosters.ts';

export async function loadContent(root: string): Promise<Site> {
  const problems = new Problems();
  const reader: Reader = { root, problems };
  checkContentFolder(reader);
  const collections = loadCollections(reader);
  await checkConversionRules(reader);
  const { duplicates, references } = checkIds(problems, collections);
  const context = createContext(root, problems, collections, duplicates, references);
  // The order of the phases is the order of the messages within a file.
  const dates = checkDates(context);
  checkArticles(context);
  const quotes = checkEventsAndClaims(context);
  checkAccounts(context);
  checkContradictions(context);
  const fixes = placeRepairs(context);
  checkPeople(context, dates);
  checkOrganizations(context);
  const mentions = checkMentions(context);
  checkPapers(context);
  checkDisputes(context);
  const archive = checkArchive(context, collections.archive);
  problems.throwIfAny();
  return assembleSite(context, { dates, quotes, fixes, mentions, archive: archive! });
}
