/**
 * Build step: the search index of the built site (both scripts), written to <outDir>/pagefind/.
 *
 * Every page's `data-pagefind-body` is cut into places (src/lib/search/records.ts): each
 * heading, paragraph, event, claim, person entry or roster row with an id is a place, reached by
 * its fragment, with filters that say its kind, the dispute sides, people, organisations and
 * dates it concerns. Each place is a Pagefind record of its own or, in a large archive, shares one
 * with a few neighbours of its kind (src/lib/search/grouping.ts), which the browser cuts back into
 * places. A very large archive's index comes in parts (src/lib/search/parts.ts), which the
 * browser merges. The places of a person's or an organisation's page and index entry also carry all its
 * names: aliases, transliterations, mention forms (search-only text, never shown on the page).
 *
 * Next to Pagefind's bundle go the per-script query files (search-data.<lang>.json): the
 * character table for queries typed in the other script, the names that stand for each
 * person and organisation, and (when there are several articles) each article's title, which
 * a result from its page shows. Runs after the Simplified twins exist.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { Worker } from 'node:worker_threads';
import { ENTRY_FILE, mergeBundles } from '../lib/pagefind-bundle.ts';
import type { WorkerInput, WorkerRecord } from './search-index-worker.ts';
import type { Site } from '../../src/lib/content/index.ts';
import { getSite } from '../../src/lib/site/cache.ts';
import { createSimplifier, dictionaryConverter, loadOverrides } from '../../src/lib/twin/convert.ts';
import { normaliseBase } from '../../src/lib/pages/urls.ts';
import { SEARCH_LANGS, articleTitles, searchDataFile } from '../../src/lib/search/data.ts';
import type { AliasEntry, SearchData, SearchLang } from '../../src/lib/search/data.ts';
import { entityOfPlace, extractPlaces, placeFilters, placeTitle, samePathInBothScripts, sharedHeadings } from '../../src/lib/search/records.ts';
import type { PageRecords, SearchFacts } from '../../src/lib/search/records.ts';
import { groupLimits, groupPlaces } from '../../src/lib/search/grouping.ts';
import type { IndexedPlace } from '../../src/lib/search/grouping.ts';
import { partFolder, partsOfPages } from '../../src/lib/search/parts.ts';
import type { PageText } from '../../src/lib/search/parts.ts';
import { buildScriptMap } from '../../src/lib/search/script.ts';
import { containsTerm, fold } from '../../src/lib/search/text.ts';
import { listHtmlFiles } from '../lib/built-pages.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE_DIR = 'pagefind';
/**
 * The size Pagefind aims at for each file of its word index (its PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE,
 * an unstable setting of Pagefind 1.6.0, which the lockfile pins). A first search loads one or two
 * of these files: at Pagefind's default they are about 25 KB each (6 a script) and the largest first
 * search took 160 KB; at 8000 (15 a script, about 10 KB) it takes 144 KB, with later searches
 * no slower (`npm run bench:search`). Check both figures after upgrading Pagefind.
 */
const INDEX_CHUNK_SIZE = 8000;
/**
 * About how many Pagefind records one script's index may have. Every first search loads
 * Pagefind's list of all records (about 9 bytes each, compressed), and its indexer slows down
 * faster than the number of records grows; so a large archive puts several neighbouring places
 * in one record (src/lib/search/grouping.ts), at the cost of Pagefind ranking those places
 * together. Today's site, and an archive of a few dozen articles, keeps one place per record.
 */
const RECORDS_PER_SCRIPT = 12_000;
/** Overrides RECORDS_PER_SCRIPT, to build a small archive's index as a large one's is (tests/e2e/archive.test.ts). */
const RECORDS_PER_SCRIPT_VARIABLE = 'SEARCH_RECORDS_PER_SCRIPT';

/**
 * About how many characters one Pagefind process may index (src/lib/search/parts.ts): its memory
 * grows with the text, about 230 MB per million characters, and two run at once. Every part adds
 * its entry, record list, index chunk and filter files to a first search, so parts are as large
 * as the memory budget allows: today's site (0.13 million characters a script) is one part, an
 * archive of 1,000 articles (about 18 million) six, whose processes reach about 0.6 GB each.
 */
const PART_CHARS = 3_500_000;
/** Overrides PART_CHARS, to build a small archive's index in parts as a large one's is (tests/e2e/archive.test.ts). */
const PART_CHARS_VARIABLE = 'SEARCH_PART_CHARS';
/** Pagefind processes at once: one per core of the machines this is built on. */
const PAGEFIND_PROCESSES = 2;

function positiveWhole(variable: string, fallback: number, unit: string): number {
  const value = process.env[variable];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`search index: ${variable}=${value} must be a whole number of ${unit}, at least 1`);
  return number;
}

const recordsPerScript = (): number => positiveWhole(RECORDS_PER_SCRIPT_VARIABLE, RECORDS_PER_SCRIPT, 'records');
const partChars = (): number => positiveWhole(PART_CHARS_VARIABLE, PART_CHARS, 'characters');

/** How many characters each page gives the index (its places' titles and text), by its path in both scripts. */
function pageTexts(pages: ReadonlyArray<{ pagePath: string; places: readonly IndexPlace[] }>): PageText[] {
  const chars = new Map<string, number>();
  for (const { pagePath, places } of pages) {
    const key = samePathInBothScripts(pagePath);
    const text = places.reduce((sum, place) => sum + place.title.length + place.content.length, 0);
    chars.set(key, Math.max(chars.get(key) ?? 0, text));
  }
  return [...chars].map(([key, text]) => ({ key, chars: text }));
}

/** Runs the tasks, at most `width` at a time; rejects with the first failure once every started task has ended. */
async function inPool(tasks: ReadonlyArray<() => Promise<void>>, width: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < tasks.length && !failure) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
  if (failure) throw failure.error;
}

/**
 * A part other than the first is only searched through the first part's script and WebAssembly
 * (Pagefind's mergeIndex): it keeps its entry, metadata, index, filter and fragment files.
 */
async function keepOnlyIndexFiles(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== ENTRY_FILE && !entry.name.endsWith('.pf_meta')) await rm(join(folder, entry.name));
  }
}

/** How many places share one fragment file, on average. */
const PLACES_PER_FRAGMENT_FILE = 4;
/** Lead word of the search-only alias text on person and organisation records. */
const ALIAS_LEAD = '又名';

interface IndexPlace extends IndexedPlace {
  lang: SearchLang;
}

function searchFacts(site: Site): SearchFacts {
  const sideOfOrganization = new Map<string, string>();
  for (const dispute of site.disputes) {
    for (const party of dispute.data.parties) sideOfOrganization.set(party.organization, party.side);
  }
  return {
    people: new Set(site.people.map((person) => person.id)),
    organizations: new Set(site.organizations.map((organization) => organization.id)),
    personTeam: new Map(site.people.map((person) => [person.id, person.data.team])),
    organizationSide: sideOfOrganization,
    event: new Map(
      site.events.map((event) => [
        event.id,
        { date: event.data.date.value, lane: event.data.lane, people: event.data.people, organizations: event.data.organizations },
      ]),
    ),
    claim: new Map(
      site.claims.map((claim) => [
        claim.id,
        { side: claim.data.side, people: claim.data.people, organizations: claim.data.organizations, events: claim.data.events },
      ]),
    ),
    paperSide: new Map(
      site.papers.flatMap((paper) => {
        const side = sideOfOrganization.get(paper.data.team);
        return side ? [[paper.id, side] as const] : [];
      }),
    ),
  };
}

/** Every name a reader may type for each person and organisation, in Traditional script. */
function namesOf(site: Site): Array<{ ref: string; names: string[] }> {
  const mentionForms = (mentions: ReadonlyArray<{ forms: string[] }>): string[] => mentions.flatMap((mention) => mention.forms);
  return [
    ...site.people.map((person) => ({
      ref: `person:${person.id}`,
      names: [
        person.data.name.zh,
        ...(person.data.name.latin ? [person.data.name.latin] : []),
        ...person.data.aliases,
        ...person.data.transliterations.map((item) => item.text),
        ...mentionForms(person.data.mentions),
      ],
    })),
    ...site.organizations.map((organization) => ({
      ref: `organization:${organization.id}`,
      names: [
        organization.data.name.zh,
        ...(organization.data.name.latin ? [organization.data.name.latin] : []),
        ...organization.data.aliases,
        ...mentionForms(organization.data.mentions),
      ],
    })),
  ];
}

/** Chinese transliterations separate given name and surname with a middle dot. */
const NAME_PART_SEPARATOR = /[·・‧•]/;

/**
 * A name and, for a transliterated person's name, each part of it a reader may type alone
 * ("紀堯姆·蘭普勒" → also "紀堯姆", "蘭普勒"). Latin names need no parts: a Latin word of a
 * person's name already names them (search-query.ts).
 */
function nameForms(name: string): string[] {
  const parts = name.split(NAME_PART_SEPARATOR).map((part) => part.trim());
  return parts.length > 1 ? [name, ...parts.filter((part) => [...part].length >= 2)] : [name];
}

function uniqueStrings(items: Iterable<string>): string[] {
  return [...new Set(items)];
}

/** `parsed`: the places of pages already parsed, by absolute file path (the build's CSP step parses every page); other pages are read here. */
export async function buildSearchIndex(
  outDir: string,
  base: string = normaliseBase(process.env.SITE_BASE ?? '/'),
  parsed?: ReadonlyMap<string, PageRecords | null>,
): Promise<{ pages: number; ms: number }> {
  const start = performance.now();
  const site = await getSite(projectRoot);
  const facts = searchFacts(site);
  const simplify = createSimplifier(loadOverrides(projectRoot));
  const entityNames = namesOf(site);
  const namesByRef = new Map(entityNames.map((entity) => [entity.ref, entity.names]));

  const placesOf: Array<{ pagePath: string; lang: SearchLang; places: IndexPlace[] }> = [];
  const problems: string[] = [];
  const pagesOf = new Map<SearchLang, Array<{ pagePath: string; page: PageRecords }>>(SEARCH_LANGS.map((lang) => [lang, []]));
  for (const { file: htmlFile, path: pagePath, relative: file } of listHtmlFiles(outDir)) {
    const page = parsed?.has(htmlFile) ? parsed.get(htmlFile)! : extractPlaces(fromHtml(await readFile(htmlFile, 'utf8')), base);
    if (!page) continue;
    const lang = SEARCH_LANGS.find((candidate) => candidate === page.lang);
    if (!lang) {
      // Pagefind keys its indexes by <html lang>; any other tag would land in a third index
      // that no page ever searches.
      problems.push(`${file}: <html lang="${page.lang}"> must be one of ${SEARCH_LANGS.join(', ')} for search to find its text`);
      continue;
    }
    pagesOf.get(lang)!.push({ pagePath, page });
  }
  let pages = 0;
  for (const [lang, built] of pagesOf) {
    const shared = sharedHeadings(built.map(({ page }) => page));
    pages += built.length;
    for (const { pagePath, page } of built) {
      const pagePlaces = page.places.map((place): IndexPlace => {
        // A person's or an organisation's own page and index entry also answer to all its names.
        const entity = entityOfPlace(pagePath, place.id);
        const names = entity ? namesByRef.get(entity) : undefined;
        const aliasText = names
          ? `\n${ALIAS_LEAD}：${uniqueStrings(names.map((name) => (lang === 'zh-Hans' ? simplify(name) : name))).join('、')}`
          : '';
        return { lang, id: place.id, title: placeTitle(page, place, shared), content: place.text + aliasText, filters: placeFilters(pagePath, place, facts) };
      });
      placesOf.push({ pagePath, lang, places: pagePlaces });
    }
  }
  const places = placesOf.flatMap((page) => page.places);
  const placesInLargestScript = Math.max(...SEARCH_LANGS.map((lang) => places.filter((place) => place.lang === lang).length));
  const limits = groupLimits(placesInLargestScript, recordsPerScript());
  const partOfPage = partsOfPages(pageTexts(placesOf), partChars());
  const partCount = Math.max(1, ...[...partOfPage.values()].map((part) => part + 1));
  if (problems.length > 0) throw new Error(`search index:\n${problems.join('\n')}`);

  // One Pagefind job per part and script, with the records of its pages in URL order: records
  // of one page sit next to each other, and bundling a few neighbours per fragment file means a
  // search fetches fewer files, and later searches find more in cache.
  const jobs = Array.from({ length: partCount }, (_, part) =>
    SEARCH_LANGS.map((lang) => ({ part, lang, places: 0, records: [] as WorkerRecord[], outputPath: join(outDir, `.${BUNDLE_DIR}-${part}-${lang}`) })),
  ).flat();
  for (const { pagePath, lang, places: pagePlaces } of placesOf) {
    const job = jobs.find((candidate) => candidate.part === partOfPage.get(samePathInBothScripts(pagePath)) && candidate.lang === lang)!;
    job.places += pagePlaces.length;
    for (const record of groupPlaces(`/${pagePath}`, pagePlaces, limits)) {
      // Pagefind looks its index up by the lower-cased <html lang>.
      job.records.push({ url: record.url, content: record.content, language: lang.toLowerCase(), title: record.title, filters: record.filters });
    }
  }
  const records = jobs.reduce((sum, job) => sum + job.records.length, 0);
  // A part with no page of one script (only possible with no pages at all) still gets an index of the first script.
  const indexed = jobs.filter((job) => job.records.length > 0 || (job.lang === SEARCH_LANGS[0] && !jobs.some((other) => other.part === job.part && other.records.length > 0)));
  let dataFiles: Array<{ name: string; text: string }> = [];
  try {
    const written = inPool(
      indexed.map((job) => () =>
        indexInWorker({ records: job.records, maxFragments: Math.max(1, Math.ceil(job.places / PLACES_PER_FRAGMENT_FILE)), outputPath: job.outputPath }),
      ),
      PAGEFIND_PROCESSES,
    );
    // The query files are computed while Pagefind indexes in the workers' threads (a failure
    // waits for the workers, so that nothing writes into the staging directory afterwards).
    let dataError: unknown;
    try {
      // A script's other parts: those with an index of that script (a page without a twin could leave one out).
      const partsOf = (lang: SearchLang): string[] =>
        indexed.filter((job) => job.part > 0 && job.lang === lang && job.records.length > 0).map((job) => partFolder(job.part));
      dataFiles = searchDataFiles(places, entityNames, site.articles.map((article) => ({ id: article.id, title: article.data.title })), simplify, partsOf);
    } catch (error) {
      dataError = error ?? new Error('search index: the query files failed');
    }
    await written;
    if (dataError !== undefined) throw dataError;
    // A bundle left from an earlier run would keep files no index refers to.
    await rm(join(outDir, BUNDLE_DIR), { recursive: true, force: true });
    for (let part = 0; part < partCount; part++) {
      const folder = join(outDir, BUNDLE_DIR, partFolder(part));
      await mergeBundles(
        indexed.filter((job) => job.part === part).map((job) => job.outputPath),
        folder,
      );
      if (part > 0) await keepOnlyIndexFiles(folder);
    }
  } finally {
    await Promise.all(jobs.map((job) => rm(job.outputPath, { recursive: true, force: true })));
  }

  for (const { name, text } of dataFiles) await writeFile(join(outDir, BUNDLE_DIR, name), text);
  const ms = Math.round(performance.now() - start);
  console.log(`[search] ${places.length} places from ${pages} pages indexed as ${records} records${partCount > 1 ? ` in ${partCount} parts` : ''} in ${ms} ms`);
  return { pages, ms };
}

/** Builds one Pagefind bundle in a worker thread (search-index-worker.ts); rejects with the worker's error. */
function indexInWorker(input: WorkerInput): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), {
      workerData: input,
      // The Pagefind process the worker starts reads its settings from its environment.
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) },
    });
    let done = false;
    worker.once('message', () => {
      done = true;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (done ? resolvePromise() : reject(new Error(`search index: the Pagefind worker stopped (exit code ${code})`))));
  });
}

/** The query files, search-data.<lang>.json for each script: name and text. */
function searchDataFiles(
  places: readonly IndexPlace[],
  entityNames: ReadonlyArray<{ ref: string; names: string[] }>,
  articles: ReadonlyArray<{ id: string; title: string }>,
  simplify: (text: string) => string,
  partsOf: (lang: SearchLang) => string[],
): Array<{ name: string; text: string }> {
  const files: Array<{ name: string; text: string }> = [];
  const toSimplified = dictionaryConverter();
  const overrides = loadOverrides(projectRoot).flatMap((rule) => (rule.action === 'replace' ? [[rule.traditional, rule.simplified] as const] : []));
  const textOf = (lang: SearchLang): string => places.filter((place) => place.lang === lang).map((place) => `${place.title}\n${place.content}`).join('\n');
  const traditionalText = textOf('zh-Hant');
  const frequency = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
    return counts;
  };
  const traditionalChars = [...new Set(traditionalText)];

  for (const lang of SEARCH_LANGS) {
    const text = textOf(lang);
    const pairs = traditionalChars.map((char) => {
      const simplified = toSimplified(char);
      return lang === 'zh-Hant' ? ([simplified, char] as const) : ([char, simplified] as const);
    });
    const script = buildScriptMap({
      ownChars: new Set(text),
      pairs,
      frequency: frequency(text),
      phrases: overrides.map(([traditional, simplified]) => (lang === 'zh-Hant' ? [simplified, traditional] : [traditional, simplified])),
    });
    // Visible text only: a name counts as written on these pages if a reader can see it there.
    const visible = fold(
      places
        .filter((place) => place.lang === lang)
        .map((place) => place.content.split(`\n${ALIAS_LEAD}：`)[0])
        .join('\n'),
    );
    const aliases: AliasEntry[] = entityNames.map(({ ref, names }) => {
      const inScript = uniqueStrings(names.map((name) => (lang === 'zh-Hans' ? simplify(name) : name)));
      return {
        ref,
        forms: uniqueStrings([...names, ...names.map(simplify)].flatMap(nameForms).map(fold).filter(Boolean)),
        names: inScript.filter((name) => fold(name) !== '' && containsTerm(visible, fold(name))),
      };
    });
    const titles = articleTitles(articles, (title) => (lang === 'zh-Hans' ? simplify(title) : title));
    const data: SearchData = { lang, script, aliases, articles: titles, parts: partsOf(lang) };
    files.push({ name: searchDataFile(lang), text: JSON.stringify(data) });
  }
  return files;
}
