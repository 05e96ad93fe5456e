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
}

export interface LinkCheckResult {
  pages: number;
  references: number;
  fragments: number;
  problems: string[];
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

export function checkLinks({ root, base }: LinkCheckOptions): LinkCheckResult {
  const pages = listPages(root);
  const facts = new Map<string, PageFacts>();
  const factsOf = (file: string): PageFacts => {
    let found = facts.get(file);
    if (!found) {
      found = pageFacts(readFileSync(file, 'utf8'));
      facts.set(file, found);
    }
    return found;
  };
  const problems: string[] = [];
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
    const file = fileForPath(root, below);
    if (!file) {
      if (fileForPath(root, `${below}/`)) return 'lacks the trailing slash of a directory URL (trailingSlash is "always")';
      return `has no file at ${below || '(home)'}`;
    }
    if (raw.endsWith('#')) return 'has an empty fragment';
    if (url.hash === '' || !file.endsWith('.html')) return null;
    const hash = url.hash.slice(1);
    const [idPart = '', directive] = hash.split(':~:');
    const target = factsOf(file);
    const targetPath = pagePathOfFile(root, file) || '(home)';
    if (idPart !== '') {
      fragments += 1;
      let id: string;
      try {
        id = decodeURIComponent(idPart);
      } catch {
        return `has a malformed fragment #${idPart}`;
      }
      if (!target.ids.includes(id)) return `has a fragment #${id} that no element on ${targetPath} carries`;
    }
    if (directive !== undefined) {
      fragments += 1;
      const text = normaliseForTextMatch(target.text);
      const missing = textDirectiveTerms(directive).filter((term) => !text.includes(normaliseForTextMatch(term)));
      if (missing.length > 0) return `has a text fragment whose text is not on ${targetPath}: ${missing.map((term) => `"${term}"`).join(', ')}`;
    }
    return null;
  };

  const pagePaths = new Set(pages.map((page) => page.path));
  for (const page of pages) {
    const pageUrl = `${LOCAL_ORIGIN}${base}${page.path}`;
    const label = page.path || '(home)';
    const own = factsOf(page.file);
    for (const id of own.duplicateIds) problems.push(`${label}: the id "${id}" is used more than once`);
    if (!pagePaths.has(page.twin)) problems.push(`${label}: has no twin page in the other script (${page.twin || '(home)'})`);
    for (const ref of own.references) {
      const problem = checkUrl(ref.value, pageUrl, ref.kind);
      if (problem) problems.push(`${label}: ${ref.source} "${ref.value}" ${problem}`);
    }
    const canonical = own.references.find((ref) => ref.source === 'link[rel=canonical]');
    // A redirect page names the new place as canonical (checked as a link above) and is not in the sitemap.
    if (!isNotFoundPage(page.path) && !page.redirect) {
      if (!canonical) problems.push(`${label}: has no <link rel="canonical">`);
      else if (new URL(canonical.value, pageUrl).pathname !== `${base}${page.path}`) {
        problems.push(`${label}: its canonical URL "${canonical.value}" is not the page itself (${base}${page.path})`);
      }
    }
  }

  // Stylesheets: url() and @import, relative to the stylesheet.
  for (const cssFile of listFiles(root, '.css')) {
    const cssUrl = `${LOCAL_ORIGIN}${base}${relative(root, cssFile).split(sep).join('/')}`;
    const css = readFileSync(cssFile, 'utf8');
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
      const value = match[2] ?? match[4] ?? '';
      if (value.startsWith('#')) continue; // an SVG filter or mask in the same document
      const problem = checkUrl(value, cssUrl, 'resource');
      if (problem) problems.push(`${relative(root, cssFile)}: url(${value}) ${problem}`);
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
      if (problem) problems.push(`sitemap.xml: "${value}" ${problem}`);
      else if (match[1]) listed.add(decodeURIComponent(new URL(value, `${LOCAL_ORIGIN}${base}`).pathname).slice(base.length));
    }
    for (const page of pages) {
      if (!isNotFoundPage(page.path) && !page.redirect && !listed.has(page.path)) problems.push(`sitemap.xml: does not list ${page.path || '(home)'}`);
    }
  } else {
    problems.push('sitemap.xml: missing');
  }

  return { pages: pages.length, references, fragments, problems };
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
