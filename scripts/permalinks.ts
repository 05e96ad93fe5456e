/**
 * The permalink manifest: every published URL of the site (both scripts) and every id of its
 * content (<main> and what is in it; the header's and footer's widget ids are not places to link
 * to), committed as tests/permalinks.json. A URL or fragment that disappears from a later build breaks
 * links that readers have shared, so it fails the tests unless content/redirects.yaml declares
 * where it went (the build then keeps the old place working: scripts/build/redirects.ts).
 *
 *   node scripts/permalinks.ts            compare dist/ with the manifest (exit 1 on a loss)
 *   node scripts/permalinks.ts --write    record dist/ as the manifest (after a deliberate change)
 *
 * SITE_OUT_DIR picks another built directory. URLs are recorded below the base path, so the
 * manifest holds for a build at the root and under a sub-path alike.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileForPath, listPages, readPageFacts } from './lib/built-pages.ts';
import { missingTargetMessage, parseAliases, placeExists, REDIRECTS_LABEL, splitPlace } from './lib/redirects.ts';
import type { Alias } from './lib/redirects.ts';

export type { Alias } from './lib/redirects.ts';

export interface PermalinkManifest {
  /** Page path below the base ('' is home) → the sorted ids of its content. */
  pages: Record<string, string[]>;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_FILE = join(projectRoot, 'tests', 'permalinks.json');
export const REDIRECTS_FILE = join(projectRoot, 'content', 'redirects.yaml');

export function manifestOf(root: string): PermalinkManifest {
  const pages: Record<string, string[]> = {};
  for (const page of listPages(root)) pages[page.path] = [...new Set(readPageFacts(page.file).contentIds)].sort();
  return { pages };
}

/** Reads content/redirects.yaml: a YAML list of { from, to }; an absent file declares none. `label` names it in errors. */
export function readAliases(file = REDIRECTS_FILE, label = file): Alias[] {
  return existsSync(file) ? parseAliases(readFileSync(file, 'utf8'), label) : [];
}

/**
 * Compares a recorded manifest with the current build. Returns one line per lost URL or fragment
 * that no alias covers, and per alias whose target does not exist.
 */
export function lostPermalinks(recorded: PermalinkManifest, current: PermalinkManifest, aliases: Alias[]): string[] {
  const aliasFor = (place: string): Alias | undefined => aliases.find((alias) => alias.from === place);
  const problems: string[] = [];
  const reportLoss = (place: string, what: string): void => {
    const alias = aliasFor(place) ?? (place.includes('#') ? aliasFor(splitPlace(place).path) : undefined);
    if (!alias) {
      problems.push(`${what} "${place || '(home)'}" is gone; keep it, or declare where it went in content/redirects.yaml`);
    } else if (!placeExists(current.pages, alias.to)) {
      problems.push(`${REDIRECTS_LABEL}: ${missingTargetMessage(alias)}`);
    }
  };
  for (const [path, ids] of Object.entries(recorded.pages)) {
    if (current.pages[path] === undefined) {
      reportLoss(path, 'the page');
      continue;
    }
    for (const id of ids) if (!current.pages[path].includes(id)) reportLoss(`${path}#${id}`, 'the fragment');
  }
  return problems;
}

/** Pages and ids that the build has and the manifest does not (fine, but worth recording). */
export function newPermalinks(recorded: PermalinkManifest, current: PermalinkManifest): string[] {
  const added: string[] = [];
  for (const [path, ids] of Object.entries(current.pages)) {
    const before = recorded.pages[path];
    if (!before) added.push(path || '(home)');
    else for (const id of ids) if (!before.includes(id)) added.push(`${path}#${id}`);
  }
  return added;
}

export function readManifest(file = MANIFEST_FILE): PermalinkManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as PermalinkManifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(projectRoot, process.env.SITE_OUT_DIR ?? 'dist');
  if (!fileForPath(root, '')) {
    console.error(`No built site at ${root}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const current = manifestOf(root);
  const count = Object.values(current.pages).reduce((sum, ids) => sum + ids.length, 0);
  if (process.argv.includes('--write')) {
    writeFileSync(MANIFEST_FILE, `${JSON.stringify(current, null, 1)}\n`);
    console.log(`Recorded ${Object.keys(current.pages).length} pages and ${count} ids in ${MANIFEST_FILE}.`);
  } else {
    const recorded = readManifest();
    const lost = lostPermalinks(recorded, current, readAliases());
    const added = newPermalinks(recorded, current);
    for (const line of lost) console.error(`lost: ${line}`);
    if (added.length > 0) console.log(`${added.length} new URLs or fragments not yet in the manifest (run with --write to record them).`);
    if (lost.length > 0) process.exit(1);
    console.log(`All ${Object.keys(recorded.pages).length} recorded pages and their fragments are still published.`);
  }
}
