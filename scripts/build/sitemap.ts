/**
 * Build step: sitemap.xml listing every page in both scripts, each entry with its hreflang
 * alternates (Google's xhtml:link form, which needs no sitemap plugin), and a robots.txt that
 * points to it. Error pages and pages marked noindex are left out.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { SIMPLIFIED_DIR, SIMPLIFIED_LANG, TRADITIONAL_LANG } from '../../src/lib/twin/html.ts';
import { normaliseBase, simplifiedPath } from '../../src/lib/pages/urls.ts';
import { escapeMarkup } from '../lib/escape.ts';
import { listHtmlFiles } from '../lib/built-pages.ts';

function isNoindex(html: string): boolean {
  let noindex = false;
  // <meta name=robots> belongs in the head: parsing only the head keeps this step independent of
  // the size of the pages' bodies (the claims and timeline pages grow with the archive).
  const headEnd = html.search(/<\/head\s*>/i);
  visit(fromHtml(headEnd < 0 ? html : html.slice(0, headEnd)), 'element', (element: Element) => {
    const { name, content } = element.properties;
    if (element.tagName === 'meta' && String(name).toLowerCase() === 'robots' && /noindex/i.test(String(content))) noindex = true;
  });
  return noindex;
}

export async function writeSitemap(outDir: string, site: string, base: string): Promise<{ urls: number }> {
  const root = normaliseBase(base);
  const pageUrl = (path: string): string => new URL(`${root}${path}`, site).href;
  const entries: string[] = [];
  // Traditional pages only (each entry names its twin), and no error page such as 404.html.
  const traditional = listHtmlFiles(outDir).filter((page) => !page.relative.startsWith(SIMPLIFIED_DIR) && !/^\d{3}\.html$/.test(page.relative));
  for (const { file, path, relative: fileBelowRoot } of traditional) {
    // The indexing decision of a page is in its own head; the twin shares it.
    if (isNoindex(await readFile(file, 'utf8'))) continue;
    const twin = simplifiedPath(path);
    if (!existsSync(join(outDir, SIMPLIFIED_DIR, fileBelowRoot))) {
      throw new Error(`sitemap: ${fileBelowRoot} has no Simplified twin at ${SIMPLIFIED_DIR}${fileBelowRoot}; run the twins step first`);
    }
    const alternates = [
      `    <xhtml:link rel="alternate" hreflang="${TRADITIONAL_LANG}" href="${escapeMarkup(pageUrl(path))}"/>`,
      `    <xhtml:link rel="alternate" hreflang="${SIMPLIFIED_LANG}" href="${escapeMarkup(pageUrl(twin))}"/>`,
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeMarkup(pageUrl(path))}"/>`,
    ].join('\n');
    for (const loc of [path, twin]) entries.push(`  <url>\n    <loc>${escapeMarkup(pageUrl(loc))}</loc>\n${alternates}\n  </url>`);
  }
  const sitemap = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
  await writeFile(join(outDir, 'sitemap.xml'), sitemap);
  // robots.txt is only read at the origin's root; under a sub-path base it is written for the host to place there.
  await writeFile(join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${pageUrl('sitemap.xml')}\n`);
  return { urls: entries.length };
}
