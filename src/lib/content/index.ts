/**
 * content/ → the validated Site model that pages consume (the Site API: content-model.ts), without Astro.
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
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import rehypeAnnotations from '../../plugins/rehype-annotations.ts';
import { articleProcessor } from './article-text.ts';
import { checkEventsAndClaims, placeRepairs } from './anchors.ts';
import { checkArticles } from './articles.ts';
import { checkContentFolder, loadCollections, type Reader } from './collections.ts';
import { createContext } from './context.ts';
import { checkConversionRules } from './conversion-rules.ts';
import { checkDates } from './dates.ts';
import { checkDisputes } from './disputes.ts';
import { listFiles } from './files.ts';
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
  const fixes = placeRepairs(context);
  checkPeople(context, dates);
  checkOrganizations(context);
  const mentions = checkMentions(context);
  checkPapers(context);
  checkDisputes(context);
  problems.throwIfAny();
  return assembleSite(context, { dates, quotes, fixes, mentions });
}

/* ---------- rendering and memoized access ---------- */

/** The article rendered through the same plugins as the site (for validation and tests). */
export async function renderArticle(site: Site, articleId: string, base = '/'): Promise<string> {
  const article = site.get.article(articleId);
  const processor = articleProcessor().use(rehypeAnnotations, { site, base, article: articleId }).use(rehypeStringify);
  // The frontmatter goes where Astro puts it for the plugins (declared heading ids).
  return String(await processor.process({ value: article.body, data: { astro: { frontmatter: article.data } } }));
}

/**
 * Everything the build checks before Astro runs: the content model, and that every article
 * renders with its annotations. Throws a ContentErrorList (or the rendering error).
 */
export async function validateContent(root: string): Promise<Site> {
  const site = await loadContent(root);
  for (const article of site.articles) await renderArticle(site, article.id);
  return site;
}

/** Size and time of every file under content/, so edits during `astro dev` are picked up. */
function contentStamp(root: string): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of listFiles(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else parts.push(`${path}:${stat.size}:${stat.mtimeMs}`);
    }
  };
  walk(join(root, 'content'));
  return parts.join('\n');
}

const memo = new Map<string, { stamp: string; site: Promise<Site> }>();

/** The Site of the project in the working directory, loaded once per version of content/. */
export function getSite(root: string = process.cwd()): Promise<Site> {
  const key = resolve(root);
  const stamp = contentStamp(key);
  const cached = memo.get(key);
  if (cached && cached.stamp === stamp) return cached.site;
  const site = loadContent(key);
  memo.set(key, { stamp, site });
  return site;
}
