/**
 * Build step: the moves declared in content/redirects.yaml made real for readers, with no
 * JavaScript and no server configuration (rules and markup: scripts/lib/redirects.ts). A moved
 * page leaves a redirect page at its old path, a moved id is given back to its page, and
 * `_redirects` repeats the page moves for hosts that redirect with HTTP. The moves that follow
 * from the data are made the same way: an event recorded on "timeline/" (tests/permalinks.json)
 * that the timeline now lists on a page of its year gets a note there pointing on.
 *
 * Runs after the sitemap, so the sitemap never lists a redirect page (each also says noindex),
 * and before CSP, so every new or changed page gets its policy. Redirect pages have no
 * data-pagefind-body and moved-place notes are data-pagefind-ignore: search never finds them.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileForPath, pageFacts } from '../lib/built-pages.ts';
import { addMovedIds, fileOfPage, headingOf, planRedirects, REDIRECTS_LABEL, RedirectsError, splitPlace } from '../lib/redirects.ts';
import type { Alias, LivePages } from '../lib/redirects.ts';
import { MANIFEST_FILE, readAliases, readManifest, REDIRECTS_FILE } from '../permalinks.ts';
import { timelineMoves, TIMELINE_ROOT, type TimelinePlan } from '../../src/lib/pages/timeline-pages.ts';
import { simplifiedPath } from '../../src/lib/pages/urls.ts';

const HOST_RULES_FILE = '_redirects';

/** The built pages that the entries name, as the planner needs them. */
async function readLivePages(outDir: string, aliases: readonly Alias[]): Promise<LivePages> {
  const live: Record<string, LivePages[string]> = {};
  const paths = new Set(aliases.flatMap((alias) => [splitPlace(alias.from).path, splitPlace(alias.to).path]));
  for (const path of paths) {
    const file = fileForPath(outDir, path);
    if (!file) continue;
    const html = await readFile(file, 'utf8');
    const facts = pageFacts(html);
    live[path] = { ids: facts.ids, contentIds: facts.contentIds, heading: headingOf(html) };
  }
  return live;
}

/**
 * The moves of the events that left "timeline/", in both scripts, except where an entry of
 * content/redirects.yaml already says where the place went. Without a manifest (a copy of the
 * project for a test) nothing was published, so nothing moved.
 */
function generatedMoves(timeline: TimelinePlan, declared: readonly Alias[]): Alias[] {
  if (!existsSync(MANIFEST_FILE)) return [];
  const recorded = readManifest().pages[TIMELINE_ROOT] ?? [];
  const taken = new Set(declared.map((alias) => alias.from));
  return timelineMoves(timeline, recorded)
    .flatMap((move) => [move, { from: simplifiedPath(move.from), to: simplifiedPath(move.to) }])
    .filter((move) => !taken.has(move.from))
    .map((move) => ({ ...move, carry: true }));
}

export async function writeRedirects(outDir: string, origin: string, base: string, timeline: TimelinePlan): Promise<{ pages: number; ids: number }> {
  const declared = readAliases(REDIRECTS_FILE, REDIRECTS_LABEL);
  const aliases = [...declared, ...generatedMoves(timeline, declared)];
  if (aliases.length === 0) return { pages: 0, ids: 0 };
  const plan = planRedirects(aliases, await readLivePages(outDir, aliases), { origin, base });

  // Astro copies public/ first; a hand-written _redirects there would be silently replaced.
  if (plan.hostRules !== null && existsSync(join(outDir, HOST_RULES_FILE))) {
    throw new RedirectsError(`${HOST_RULES_FILE} already exists in the build (public/${HOST_RULES_FILE}?); declare those moves in ${REDIRECTS_LABEL} instead`);
  }
  for (const page of plan.pages) {
    const file = join(outDir, fileOfPage(page.path));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, page.html);
  }
  let ids = 0;
  for (const [path, moved] of Object.entries(plan.movedIds)) {
    const file = join(outDir, fileOfPage(path));
    await writeFile(file, addMovedIds(await readFile(file, 'utf8'), moved, path));
    ids += moved.length;
  }
  if (plan.hostRules !== null) await writeFile(join(outDir, HOST_RULES_FILE), plan.hostRules);
  console.log(`[redirects] ${plan.pages.length} redirect pages and ${ids} moved ids written`);
  return { pages: plan.pages.length, ids };
}
