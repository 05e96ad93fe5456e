/**
 * A link checker over a built site's files: every internal link, resource and fragment on every
 * page (both scripts), the stylesheets' url() references and the sitemap must resolve under the
 * site's base path, and nothing may be loaded from another origin.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileForPath, isNotFoundPage, listPages, pageFacts, pagePathOfFile } from './built-pages.ts';
import type { PageFacts } from './built-pages.ts';

export interface LinkCheckOptions {
  root: string;
  /** Base path the site was built for, '/' or '/sub/'. */
  base: string;
  /** Facts of pages already parsed, by absolute file path (the build's CSP step parses every page); other pages are read here. */
  parsed?: ReadonlyMap<string, PageFacts>;
}

/** One problem, with where it was found. */
export interface LinkProblem {
  /** The page's path below the base ('(home)' for the home page), or the stylesheet or sitemap file. */
  where: string;
  /** The file it was found in, relative to the site's root: 'timeline/index.html', 'sitemap.xml'. */
  file: string;
  /** What is wrong, beginning with the reference when there is one. */
  message: string;
  /** Id of the element the reference sits in (or of its nearest ancestor with one). */
  within?: string;
  /** The fragment id the reference points to, when it has one. */
  fragment?: string;
}

export interface LinkCheckResult {
  pages: number;
  references: number;
  fragments: number;
  /** One line per problem: `<where>: <message>`. */
  problems: string[];
  details: LinkProblem[];
}

/** A stand-in origin for the served site; the canonical origin found in the pages counts as the same site. */
const LOCAL_ORIGIN = 'http://site.invalid';

/** Parses a text directive (`text=[prefix-,]start[,end][,-suffix]`) into the strings that must appear. */
export function textDirectiveTerms(directive: string): string[] {
  const terms: string[] = [];
  for (const part of directive.split('&')) {
    if (!part.startsWith('text=')) continue;
    const pieces = part.slice('text='.length).split(',').map((piece) => decodeURIComponent(piece));
    const start = pieces[0]?.endsWith('-') ? pieces.slice(1) : pieces;
    const body = start[start.length - 1]?.startsWith('-') ? start.slice(0, -1) : start;
    terms.push(...body);
  }
  return terms;
}

const normaliseForTextMatch = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** What the checker keeps of a page: its facts, with the ids as a set and the text matched lazily. */
interface CheckedPage {
  facts: PageFacts;
  ids: Set<string>;
  matchText?: string;
}

/**
 * Linear in the site's size: each page is parsed once (its ids collected as a set), each
 * reference is checked against its target's set, and each URL path is resolved to a file once.
 */
export function checkLinks({ root, base, parsed }: LinkCheckOptions): LinkCheckResult {
  const pages = listPages(root);
  const facts = new Map<string, CheckedPage>();
  const checkedPage = (file: string): CheckedPage => {
    let found = facts.get(file);
    if (!found) {
      const pageFactsOfFile = parsed?.get(file) ?? pageFacts(readFileSync(file, 'utf8'));
      found = { facts: pageFactsOfFile, ids: new Set(pageFactsOfFile.ids) };
      facts.set(file, found);
    }
    return found;
  };
  const factsOf = (file: string): PageFacts => checkedPage(file).facts;
  const files = new Map<string, string | null>();
  const fileAt = (below: string): string | null => {
    let file = files.get(below);
    if (file === undefined) {
      file = fileForPath(root, below);
      files.set(below, file);
    }
    return file;
  };
  const details: LinkProblem[] = [];
  let references = 0;
  let fragments = 0;
  const siteOrigins = new Set([LOCAL_ORIGIN]);

  // The canonical links name the public origin; links written with it are internal links.
  for (const page of pages) {
    const canonical = factsOf(page.file).references.find((ref) => ref.source === 'link[rel=canonical]');
    if (canonical && /^https?:/.test(canonical.value)) siteOrigins.add(new URL(canonical.value).origin);
  }

  /** Checks one URL against the files; returns what is wrong with it, or null. */
  const checkUrl = (raw: string, baseUrl: string, kind: 'navigation' | 'resource' | 'metadata'): string | null => {
    if (/^(mailto|tel):/i.test(raw)) return null;
    if (/^\s*javascript:/i.test(raw)) return 'is a javascript: URL';
    let url: URL;
    try {
      url = new URL(raw, baseUrl);
    } catch {
      return 'is not a valid URL';
    }
    if (url.protocol === 'data:') return kind === 'navigation' ? 'navigates to a data: URL' : null;
    if (!/^https?:$/.test(url.protocol)) return `uses the unexpected scheme ${url.protocol}`;
    if (!siteOrigins.has(url.origin)) {
      return kind === 'navigation' ? null : `loads or declares ${url.href}, on another origin`;
    }
    references += 1;
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return 'has a malformed percent-encoding';
    }
    if (!pathname.startsWith(base)) return `points outside the base path ${base}`;
    const below = pathname.slice(base.length);
    const file = fileAt(below);
    if (!file) {
      if (fileAt(`${below}/`)) return 'lacks the trailing slash of a directory URL (trailingSlash is "always")';
      return `has no file at ${below || '(home)'}`;
    }
    if (raw.endsWith('#')) return 'has an empty fragment';
    if (url.hash === '' || !file.endsWith('.html')) return null;
    const hash = url.hash.slice(1);
    const [idPart = '', directive] = hash.split(':~:');
    const target = checkedPage(file);
    const targetPath = pagePathOfFile(root, file) || '(home)';
    if (idPart !== '') {
      fragments += 1;
      let id: string;
      try {
        id = decodeURIComponent(idPart);
      } catch {
        return `has a malformed fragment #${idPart}`;
      }
      if (!target.ids.has(id)) return `has a fragment #${id} that no element on ${targetPath} carries`;
    }
    if (directive !== undefined) {
      fragments += 1;
      target.matchText ??= normaliseForTextMatch(target.facts.text);
      const text = target.matchText;
      const missing = textDirectiveTerms(directive).filter((term) => !text.includes(normaliseForTextMatch(term)));
      if (missing.length > 0) return `has a text fragment whose text is not on ${targetPath}: ${missing.map((term) => `"${term}"`).join(', ')}`;
    }
    return null;
  };

  const pagePaths = new Set(pages.map((page) => page.path));
  for (const page of pages) {
    const pageUrl = `${LOCAL_ORIGIN}${base}${page.path}`;
    const where = page.path || '(home)';
    const file = relative(root, page.file).split(sep).join('/');
    const report = (message: string, extra: Pick<LinkProblem, 'within' | 'fragment'> = {}): void => void details.push({ where, file, message, ...extra });
    const own = factsOf(page.file);
    for (const id of own.duplicateIds) report(`the id "${id}" is used more than once`, { within: id });
    if (!pagePaths.has(page.twin)) report(`has no twin page in the other script (${page.twin || '(home)'})`);
    for (const ref of own.references) {
      const problem = checkUrl(ref.value, pageUrl, ref.kind);
      if (problem) report(`${ref.source} "${ref.value}" ${problem}`, { within: ref.within, fragment: fragmentOf(ref.value) });
    }
    const canonical = own.references.find((ref) => ref.source === 'link[rel=canonical]');
    // A redirect page names the new place as canonical (checked as a link above) and is not in the sitemap.
    if (!isNotFoundPage(page.path) && !page.redirect) {
      if (!canonical) report('has no <link rel="canonical">');
      else if (new URL(canonical.value, pageUrl).pathname !== `${base}${page.path}`) {
        report(`its canonical URL "${canonical.value}" is not the page itself (${base}${page.path})`);
      }
    }
  }

  // Stylesheets: url() and @import, relative to the stylesheet.
  for (const cssFile of listFiles(root, '.css')) {
    const cssPath = relative(root, cssFile).split(sep).join('/');
    const cssUrl = `${LOCAL_ORIGIN}${base}${relative(root, cssFile).split(sep).join('/')}`;
    const css = readFileSync(cssFile, 'utf8');
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
      const value = match[2] ?? match[4] ?? '';
      if (value.startsWith('#')) continue; // an SVG filter or mask in the same document
      const problem = checkUrl(value, cssUrl, 'resource');
      if (problem) details.push({ where: cssPath, file: cssPath, message: `url(${value}) ${problem}` });
    }
  }

  // The sitemap lists every page but the not-found pages, and nothing else.
  const sitemapFile = join(root, 'sitemap.xml');
  if (statSafe(sitemapFile)) {
    const sitemap = readFileSync(sitemapFile, 'utf8');
    const listed = new Set<string>();
    for (const match of sitemap.matchAll(/<loc>([^<]+)<\/loc>|href="([^"]+)"/g)) {
      const value = (match[1] ?? match[2] ?? '').replace(/&amp;/g, '&');
      const problem = checkUrl(value, `${LOCAL_ORIGIN}${base}`, 'metadata');
      if (problem) details.push({ where: 'sitemap.xml', file: 'sitemap.xml', message: `"${value}" ${problem}` });
      else if (match[1]) listed.add(decodeURIComponent(new URL(value, `${LOCAL_ORIGIN}${base}`).pathname).slice(base.length));
    }
    for (const page of pages) {
      if (!isNotFoundPage(page.path) && !page.redirect && !listed.has(page.path)) {
        details.push({ where: 'sitemap.xml', file: 'sitemap.xml', message: `does not list ${page.path || '(home)'}` });
      }
    }
  } else {
    details.push({ where: 'sitemap.xml', file: 'sitemap.xml', message: 'missing' });
  }

  const problems = details.map((problem) => `${problem.where}: ${problem.message}`);
  return { pages: pages.length, references, fragments, problems, details };
}

/** The decoded id of a URL's fragment (before any text directive), if it has one. */
function fragmentOf(value: string): string | undefined {
  const hash = value.indexOf('#');
  if (hash < 0) return undefined;
  const id = value.slice(hash + 1).split(':~:')[0] ?? '';
  try {
    return id === '' ? undefined : decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

function statSafe(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function listFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name));
}
