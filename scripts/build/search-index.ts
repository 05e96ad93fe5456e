/**
 * Build step: the search index of the built site (both scripts), written to <outDir>/pagefind/.
 *
 * Every page's `data-pagefind-body` is cut into places (src/lib/search/records.ts): each
 * heading, paragraph, event, claim, person entry or roster row with an id is a place, reached by
 * its fragment, with filters that say its kind, the dispute sides, people, organisations and
 * dates it concerns. Each place is a Pagefind record of its own or, in a large archive, shares one
 * with a few neighbours of its kind (src/lib/search/grouping.ts), which the browser cuts back into
 * places. The places of a person's or an organisation's page and index entry also carry all its
 * names: aliases, transliterations, mention forms (search-only text, never shown on the page).
 *
 * Next to Pagefind's bundle go the per-script query files (search-data.<lang>.json): the
 * character table for queries typed in the other script, the names that stand for each
 * person and organisation, and (when there are several articles) each article's title, which
 * a result from its page shows. Runs after the Simplified twins exist.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { Worker } from 'node:worker_threads';
import { mergeBundles } from '../lib/pagefind-bundle.ts';
import type { WorkerInput } from './search-index-worker.ts';
import type { Site } from '../../src/lib/content/index.ts';
import { getSite } from '../../src/lib/site/cache.ts';
import { createSimplifier, dictionaryConverter, loadOverrides } from '../../src/lib/twin/convert.ts';
import { normaliseBase } from '../../src/lib/pages/urls.ts';
import { SEARCH_LANGS, articleTitles, searchDataFile } from '../../src/lib/search/data.ts';
import type { AliasEntry, SearchData, SearchLang } from '../../src/lib/search/data.ts';
import { entityOfPlace, extractPlaces, placeFilters, placeTitle, sharedHeadings } from '../../src/lib/search/records.ts';
import type { PageRecords, SearchFacts } from '../../src/lib/search/records.ts';
import { groupLimits, groupPlaces } from '../../src/lib/search/grouping.ts';
import type { GroupedRecord, IndexedPlace } from '../../src/lib/search/grouping.ts';
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

function recordsPerScript(): number {
  const value = process.env[RECORDS_PER_SCRIPT_VARIABLE];
  if (value === undefined || value === '') return RECORDS_PER_SCRIPT;
  const records = Number(value);
  if (!Number.isInteger(records) || records < 1) throw new Error(`search index: ${RECORDS_PER_SCRIPT_VARIABLE}=${value} must be a whole number of records, at least 1`);
  return records;
}
/** How many places share one fragment file, on average. */
const PLACES_PER_FRAGMENT_FILE = 4;
/** Lead word of the search-only alias text on person and organisation records. */
const ALIAS_LEAD = '又名';

interface IndexPlace extends IndexedPlace {
  lang: SearchLang;
}

interface IndexRecord extends GroupedRecord {
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
  const records: IndexRecord[] = placesOf.flatMap(({ pagePath, lang, places: pagePlaces }) =>
    groupPlaces(`/${pagePath}`, pagePlaces, limits).map((record) => ({ ...record, lang })),
  );
  if (problems.length > 0) throw new Error(`search index:\n${problems.join('\n')}`);

  // Records of one page sit next to each other in URL order; bundling a few neighbours per
  // fragment file means a search fetches fewer files, and later searches find more in cache.
  const maxFragments = Math.ceil(placesInLargestScript / PLACES_PER_FRAGMENT_FILE);
  // One Pagefind process per script, side by side; their bundles are then merged into one.
  const langs = SEARCH_LANGS.filter((lang) => records.some((record) => record.lang === lang));
  let dataFiles: Array<{ name: string; text: string }> = [];
  const parts = (langs.length > 0 ? langs : SEARCH_LANGS.slice(0, 1)).map((lang) => ({ lang, outputPath: join(outDir, `.${BUNDLE_DIR}-${lang}`) }));
  try {
    const indexed = Promise.all(
      parts.map(({ lang, outputPath }) =>
        indexInWorker({
          records: records
            .filter((record) => record.lang === lang)
            // Pagefind looks its index up by the lower-cased <html lang>.
            .map((record) => ({ url: record.url, content: record.content, language: record.lang.toLowerCase(), title: record.title, filters: record.filters })),
          maxFragments,
          outputPath,
        }),
      ),
    );
    // The query files are computed while Pagefind indexes in the workers' threads (a failure
    // waits for the workers, so that nothing writes into the staging directory afterwards).
    let dataError: unknown;
    try {
      dataFiles = searchDataFiles(places, entityNames, site.articles.map((article) => ({ id: article.id, title: article.data.title })), simplify);
    } catch (error) {
      dataError = error ?? new Error('search index: the query files failed');
    }
    await indexed;
    if (dataError !== undefined) throw dataError;
    // A bundle left from an earlier run would keep files no index refers to.
    await rm(join(outDir, BUNDLE_DIR), { recursive: true, force: true });
    await mergeBundles(
      parts.map((part) => part.outputPath),
      join(outDir, BUNDLE_DIR),
    );
  } finally {
    await Promise.all(parts.map((part) => rm(part.outputPath, { recursive: true, force: true })));
  }

  for (const { name, text } of dataFiles) await writeFile(join(outDir, BUNDLE_DIR, name), text);
  const ms = Math.round(performance.now() - start);
  console.log(`[search] ${places.length} places from ${pages} pages indexed as ${records.length} records in ${ms} ms`);
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
    const data: SearchData = { lang, script, aliases, articles: titles };
    files.push({ name: searchDataFile(lang), text: JSON.stringify(data) });
  }
  return files;
}
