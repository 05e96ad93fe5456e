/**
 * One Pagefind bundle from bundles written by separate Pagefind processes, one language each
 * (scripts/build/search-index.ts). Every index, fragment, filter and metadata file of a language
 * carries the language in its name, and the script and styles are the same in every bundle; only
 * pagefind-entry.json, which lists the languages, is written anew, as one process writes it.
 * Also reads a bundle's records back, for the checks of what search can find.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RecordFragment } from '../../src/lib/search/grouping.ts';

export const ENTRY_FILE = 'pagefind-entry.json';

interface Entry {
  version: string;
  languages: Record<string, unknown>;
  include_characters?: unknown;
  [key: string]: unknown;
}

/** The entry file of the merged bundle: every bundle's languages, by language key as Pagefind orders them. */
export function mergeEntries(texts: readonly string[]): string {
  const entries = texts.map((text) => JSON.parse(text) as Entry);
  const first = entries[0];
  if (!first) throw new Error('search index: no Pagefind bundle to merge');
  const settingsOf = (entry: Entry): string => JSON.stringify(Object.entries(entry).filter(([key]) => key !== 'languages'));
  const languages: Record<string, unknown> = {};
  for (const entry of entries) {
    if (settingsOf(entry) !== settingsOf(first)) {
      throw new Error(`search index: Pagefind bundles disagree on their settings: ${settingsOf(first)} and ${settingsOf(entry)}`);
    }
    for (const [language, value] of Object.entries(entry.languages)) {
      if (language in languages) throw new Error(`search index: language ${language} is in two Pagefind bundles`);
      languages[language] = value;
    }
  }
  const sorted = Object.fromEntries(Object.keys(languages).sort().map((language) => [language, languages[language]]));
  // Pagefind's own key order: version, languages, then the rest.
  const others = Object.fromEntries(Object.entries(first).filter(([key]) => key !== 'version' && key !== 'languages'));
  return JSON.stringify({ version: first.version, languages: sorted, ...others });
}

/**
 * Moves the bundles in `parts` into `target` (which must not exist): the first whole, then the
 * others' files that it does not have yet. A file both have is shared (script, styles, WebAssembly)
 * and must be the same in both.
 */
export async function mergeBundles(parts: readonly string[], target: string): Promise<void> {
  const [first, ...others] = parts;
  if (first === undefined) throw new Error('search index: no Pagefind bundle to merge');
  const entries = [await readFile(join(first, ENTRY_FILE), 'utf8')];
  await rename(first, target);
  for (const part of others) {
    entries.push(await readFile(join(part, ENTRY_FILE), 'utf8'));
    for (const entry of await readdir(part, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name === ENTRY_FILE) continue;
      const from = join(entry.parentPath, entry.name);
      const to = join(target, from.slice(part.length + 1));
      const existing = await readFile(to).catch(() => null);
      if (existing === null) {
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to);
      } else if (!existing.equals(await readFile(from))) {
        throw new Error(`search index: ${from.slice(part.length + 1)} differs between the Pagefind bundles`);
      }
    }
    await rm(part, { recursive: true, force: true });
  }
  await writeFile(join(target, ENTRY_FILE), mergeEntries(entries));
}

/** Pagefind's signature before the JSON of a decompressed fragment file. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** The folders of a bundle's index parts (src/lib/search/parts.ts): the bundle itself, then part-1/, part-2/… */
export function bundleParts(bundle: string): string[] {
  const parts = readdirSync(bundle, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^part-\d+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  return [bundle, ...parts.map((part) => join(bundle, part))];
}

/**
 * Every record's fragment in one part's folder (`<part>/fragment/*.pf_fragment`), as the browser
 * reads them: a file is gzip, Pagefind's signature, then JSON, one fragment or (when Pagefind
 * bundles several records per file) an object of them by hash.
 */
export function readPartFragments(part: string): RecordFragment[] {
  const dir = join(part, 'fragment');
  return readdirSync(dir).flatMap((file) => {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment file`);
    const json = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as RecordFragment | Record<string, RecordFragment>;
    return 'url' in json && typeof json.url === 'string' ? [json as RecordFragment] : Object.values(json as Record<string, RecordFragment>);
  });
}

/** Every record's fragment in a bundle and all its parts. */
export const readFragments = (bundle: string): RecordFragment[] => bundleParts(bundle).flatMap(readPartFragments);
