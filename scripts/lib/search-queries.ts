/**
 * The search query set (tests/search-queries.yaml) and how to run one query through the real
 * search box of a built page in Chromium. Shared by the search benchmark and the e2e tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Page } from 'playwright-core';
import { fileForPath, listPages, readPageFacts } from './built-pages.ts';
import { containsTerm, fold } from '../../src/lib/search/text.ts';

export const QUERY_FILE = 'tests/search-queries.yaml';
const SIMPLIFIED_PREFIX = 'zh-hans/';

const querySchema = z
  .object({
    q: z.string().min(1),
    site: z.enum(['trad', 'simp', 'both']),
    why: z.string().min(1),
    expect: z.array(z.string().regex(/^[^/#][^#]*\/(#.+)?$|^#.+$/, 'a place is "page/path/#fragment" below the base, Traditional tree')),
  })
  .strict();

export type Site = 'trad' | 'simp';

export interface QueryRun {
  q: string;
  site: Site;
  why: string;
  /** Places that answer the query ("article/#p-3"); empty: the query must find nothing. */
  expect: string[];
}

/** Reads and checks the query set; a query on "both" sites becomes one run per site. */
export function loadQueries(root: string): QueryRun[] {
  const data: unknown = parse(readFileSync(join(root, QUERY_FILE), 'utf8'));
  const parsed = z.array(querySchema).safeParse(data);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${QUERY_FILE}: entry ${Number(issue.path[0]) + 1}, ${issue.path.slice(1).join('.') || 'entry'}: ${issue.message}`).join('\n'),
    );
  }
  const runs: QueryRun[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((entry, index) => {
    const sites: Site[] = entry.site === 'both' ? ['trad', 'simp'] : [entry.site];
    for (const site of sites) {
      const key = `${site}\u0000${entry.q}`;
      if (seen.has(key)) throw new Error(`${QUERY_FILE}: entry ${index + 1}: "${entry.q}" is already in the set for the ${site} site`);
      seen.add(key);
      runs.push({ q: entry.q, site, why: entry.why, expect: entry.expect });
    }
  });
  return runs;
}

/**
 * Checks the query set against a built site: every expected place exists (page and fragment),
 * and no must-find-nothing query occurs in the text of any page. Returns the problems.
 */
export function checkQueriesAgainstSite(runs: readonly QueryRun[], siteDir: string): string[] {
  const problems: string[] = [];
  const idsByPage = new Map<string, Set<string>>();
  const idsOf = (pagePath: string): Set<string> | null => {
    if (!idsByPage.has(pagePath)) {
      const file = fileForPath(siteDir, pagePath);
      idsByPage.set(pagePath, file ? new Set(readPageFacts(file).ids) : new Set());
      if (!file) return null;
    }
    return idsByPage.get(pagePath) ?? null;
  };
  for (const run of runs) {
    for (const place of run.expect) {
      const [pagePath = '', fragment] = place.split('#');
      const prefix = run.site === 'simp' ? SIMPLIFIED_PREFIX : '';
      const ids = idsOf(prefix + pagePath);
      if (!fileForPath(siteDir, prefix + pagePath)) problems.push(`"${run.q}" (${run.site}): expected page ${prefix + pagePath} does not exist`);
      else if (fragment !== undefined && !ids?.has(fragment)) problems.push(`"${run.q}" (${run.site}): ${prefix + pagePath} has no element with id "${fragment}"`);
    }
  }
  const negatives = runs.filter((run) => run.expect.length === 0);
  if (negatives.length > 0) {
    const texts = listPages(siteDir).map((page) => ({ path: page.path, text: fold(readPageFacts(page.file).text) }));
    for (const run of negatives) {
      const found = texts.find((page) => containsTerm(page.text, fold(run.q)));
      if (found) problems.push(`"${run.q}" must find nothing, but the page ${found.path || '(home)'} contains it`);
    }
  }
  return problems;
}

/** "http://host/base/zh-hans/article/#p-3" → "article/#p-3" (Traditional tree, fragment decoded). */
export function placeOf(href: string, siteUrl: string): string {
  const url = new URL(href);
  const base = new URL(siteUrl);
  let path = url.pathname.startsWith(base.pathname) ? url.pathname.slice(base.pathname.length) : url.pathname;
  path = decodeURIComponent(path);
  if (path.startsWith(SIMPLIFIED_PREFIX)) path = path.slice(SIMPLIFIED_PREFIX.length);
  return `${path}${url.hash ? `#${decodeURIComponent(url.hash.slice(1))}` : ''}`;
}

export interface BoxResult {
  /** The results' places, in order. */
  places: string[];
  /** Time from the query reaching the engine to the results on screen (ms). */
  ms: number;
  /** Files fetched for this search (index chunks, fragments…). */
  requests: string[];
}

/** Types `query` into the page's header search box and reads the results it shows. */
export async function searchInBox(page: Page, query: string, siteUrl: string): Promise<BoxResult> {
  const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
  await page.locator('#site-search-input').fill(query);
  await page.waitForFunction((q) => document.querySelector('site-search')?.getAttribute('data-search-done') === q, query, {
    timeout: 20_000,
  });
  const hrefs = await page.$$eval('#site-search-listbox [role=option]', (options) => options.map((option) => (option as HTMLAnchorElement).href));
  const ms = await page.evaluate((q) => {
    const measures = performance.getEntriesByName('site-search') as PerformanceMeasure[];
    return measures.filter((measure) => measure.detail === q).pop()?.duration ?? Number.NaN;
  }, query);
  const requests = await page.evaluate(
    (from) => performance.getEntriesByType('resource').slice(from).map((entry) => new URL(entry.name).pathname.split('/').pop() ?? ''),
    before,
  );
  return { places: hrefs.map((href) => placeOf(href, siteUrl)), ms, requests };
}
