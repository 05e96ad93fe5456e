/**
 * Content-Security-Policy for every built page. Static hosts rarely let a project set headers,
 * so each page carries its own policy in a <meta http-equiv> as early in <head> as possible,
 * computed from that page: inline scripts and <style> elements are allowed by their SHA-256
 * hash only, everything else must come from the site's own origin. `_headers`, for hosts that read
 * it, sends the part that holds for every response (headerPolicy).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { listHtmlFiles } from '../lib/built-pages.ts';

/** Script types the browser executes (anything else, such as application/ld+json, is a data block). */
const EXECUTABLE_SCRIPT_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
]);

export interface PageSources {
  scriptHashes: string[];
  styleHashes: string[];
}

export class CspError extends Error {
  override name = 'CspError';
}

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function attribute(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/**
 * Collects the hashes a page needs, and refuses markup that no hash can allow safely:
 * event-handler attributes, javascript: URLs and style attributes.
 */
export function collectInlineSources(tree: Root, where: string): PageSources {
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  const problems: string[] = [];
  visit(tree, 'element', (node: Element) => {
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on[a-z]/i.test(name)) problems.push(`<${node.tagName}> has an inline event handler (${name.toLowerCase()})`);
      if (name === 'style') problems.push(`<${node.tagName}> has a style attribute ("${String(value)}"); move it to a stylesheet`);
      if (/^(href|src|action|formAction|xLinkHref)$/.test(name) && /^\s*javascript:/i.test(String(value))) {
        problems.push(`<${node.tagName}> has a javascript: URL in ${name}`);
      }
    }
    if (node.tagName === 'script' && attribute(node, 'src') === undefined) {
      const type = (attribute(node, 'type') ?? '').trim().toLowerCase();
      if (EXECUTABLE_SCRIPT_TYPES.has(type)) scriptHashes.add(sha256Source(toString(node)));
    }
    if (node.tagName === 'style') styleHashes.add(sha256Source(toString(node)));
  });
  if (problems.length > 0) {
    throw new CspError(`${where}: markup that a strict Content-Security-Policy blocks:\n  ${problems.join('\n  ')}`);
  }
  return { scriptHashes: [...scriptHashes].sort(), styleHashes: [...styleHashes].sort() };
}

const scriptSrc = (hashes: readonly string[]): string => ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' ');
/** Directives that hold for every page alike: both a page's <meta> and the header carry them. */
const EVERY_PAGE = ["object-src 'none'", "base-uri 'self'", "form-action 'self'"];

/** The policy of a page's <meta>. */
export function buildPolicy(sources: PageSources): string {
  return [
    "default-src 'self'",
    scriptSrc(sources.scriptHashes),
    ["style-src 'self'", ...sources.styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ...EVERY_PAGE,
  ].join('; ');
}

/**
 * The policy `_headers` sends with every response: what a <meta> cannot carry (frame-ancestors),
 * and what holds for every page (no plugins, the base, where forms go, the scripts of all pages).
 * A browser enforces it and the page's <meta> both, so each page stays as strict as its meta,
 * which alone lists the page's inline styles: a large archive has many (each timeline page's
 * article filter rules), and their hashes would add kilobytes to every response, each file of
 * the search index included.
 */
export function headerPolicy(scriptHashes: readonly string[]): string {
  return [scriptSrc(scriptHashes), ...EVERY_PAGE, "frame-ancestors 'none'"].join('; ');
}

const CSP_META = /<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>/gi;

/** Returns the page with its policy meta element in <head>, replacing any earlier one, and its parse (without that element). */
export function applyCspToHtml(html: string, where: string): { html: string; sources: PageSources; tree: Root } {
  const withoutOld = html.replace(CSP_META, '');
  const tree = fromHtml(withoutOld);
  const sources = collectInlineSources(tree, where);
  let head: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'head' && !head) head = node;
  });
  const headStart = head?.position?.start.offset;
  if (!head || headStart === undefined || !withoutOld.slice(headStart).match(/^<head[\s>]/i)) {
    throw new CspError(`${where}: no literal <head> element to carry the Content-Security-Policy`);
  }
  // After <meta charset> when it leads the head, so that the encoding stays within the first
  // 1024 bytes; the charset declaration loads nothing, so the policy still covers every resource.
  const first = head.children.find((child): child is Element => child.type === 'element');
  const leadingCharset = first && first.tagName === 'meta' && attribute(first, 'charSet') !== undefined;
  const insertAt = leadingCharset && first.position ? first.position.end.offset : withoutOld.indexOf('>', headStart) + 1;
  if (insertAt === undefined || insertAt <= 0) throw new CspError(`${where}: cannot locate the start of <head>`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${buildPolicy(sources)}">`;
  return { html: withoutOld.slice(0, insertAt) + meta + withoutOld.slice(insertAt), sources, tree };
}

/**
 * Gives every page its policy. `onPage` receives each page's parse, so later steps read the
 * page from it instead of parsing it again; the policy element, which is all this step adds,
 * carries no id, link or text.
 */
export async function applyCsp(outDir: string, onPage?: (file: string, tree: Root) => void): Promise<void> {
  const scriptHashes = new Set<string>();
  for (const { file } of listHtmlFiles(outDir)) {
    const { html, sources, tree } = applyCspToHtml(await readFile(file, 'utf8'), relative(process.cwd(), file));
    await writeFile(file, html);
    onPage?.(file, tree);
    sources.scriptHashes.forEach((hash) => scriptHashes.add(hash));
  }
  const headers = [
    '/*',
    `  Content-Security-Policy: ${headerPolicy([...scriptHashes].sort())}`,
    '  X-Content-Type-Options: nosniff',
    '  X-Frame-Options: DENY',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '  Cross-Origin-Opener-Policy: same-origin',
    '',
  ];
  await writeFile(join(outDir, '_headers'), headers.join('\n'));
}
