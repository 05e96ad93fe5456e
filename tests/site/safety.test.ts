// Safe by construction: every page carries a strict Content-Security-Policy that allows exactly
// its own scripts and styles; no page has an event-handler attribute, a javascript: URL or a
// script it did not mean to have; JSON-LD blocks are data that cannot end their <script> early.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { sha256Source } from '../../scripts/build/csp.ts';
import { DEFAULT_SITE_BASE, DEFAULT_SITE_DIR } from '../e2e/site-dir.ts';
import { listPages } from '../../scripts/lib/built-pages.ts';

const pages = listPages(DEFAULT_SITE_DIR);

/** The directives of the page's CSP meta element, by name. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/i.exec(html)?.[1];
  if (!content) return undefined;
  return new Map(
    content.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('every page is safe by construction', () => {
  for (const builtPage of pages) {
    test(builtPage.path || '(home)', () => {
      const html = readFileSync(builtPage.file, 'utf8');
      const policy = policyOf(html);
      expect(policy, 'no Content-Security-Policy meta element').toBeDefined();
      if (!policy) return;
      // The policy comes before anything it governs: only <meta charset> may precede it in <head>.
      expect(html).toMatch(/<head>(<meta charset="utf-8">)?\s*<meta http-equiv="Content-Security-Policy"/i);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
      const scriptSrc = policy.get('script-src') ?? [];
      const styleSrc = policy.get('style-src') ?? [];
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
        expect(scriptSrc).not.toContain(loose);
        expect(styleSrc).not.toContain(loose);
      }

      const problems: string[] = [];
      const tree = fromHtml(html);
      const inlineScriptHashes: string[] = [];
      const inlineStyleHashes: string[] = [];
      visit(tree, 'element', (node: Element) => {
        for (const [name, value] of Object.entries(node.properties)) {
          if (/^on[A-Z]/.test(name)) problems.push(`<${node.tagName}> has an event handler attribute ${name.toLowerCase()}`);
          if (/javascript:/i.test(String(value)) && /^(href|src|action|formAction|xLinkHref)$/.test(name)) {
            problems.push(`<${node.tagName}> has a javascript: URL`);
          }
        }
        if (node.tagName === 'script') {
          const type = String(node.properties.type ?? '');
          const src = node.properties.src;
          if (type === 'application/ld+json') {
            const text = toString(node);
            // A '<' in JSON-LD must be escaped (\u003c), or text such as "</script>" in the data would end the element.
            if (text.includes('<')) problems.push('JSON-LD contains a raw "<"');
            try {
              JSON.parse(text);
            } catch (error) {
              problems.push(`JSON-LD does not parse: ${String(error)}`);
            }
          } else if (type !== 'module' && !(type === '' && src === undefined)) {
            // A classic script only inline, where its hash is in the policy (the redirect pages' fragment carrier).
            problems.push(`<script type="${type}"> is neither a module nor JSON-LD`);
          } else if (src !== undefined) {
            if (!String(src).startsWith(`${DEFAULT_SITE_BASE}_astro/`)) problems.push(`<script src="${String(src)}"> is not one of the site's bundled modules`);
          } else {
            inlineScriptHashes.push(sha256Source(toString(node)));
          }
        }
        if (node.tagName === 'style') inlineStyleHashes.push(sha256Source(toString(node)));
        // Markup-like text from the content must arrive as text, never as elements.
        if (['iframe', 'object', 'embed', 'frame', 'base'].includes(node.tagName)) problems.push(`unexpected <${node.tagName}>`);
      });
      // Every inline script and style is allowed by its own hash, and the policy allows nothing else inline.
      expect(scriptSrc.filter((source) => source.startsWith("'sha")).sort()).toEqual([...new Set(inlineScriptHashes)].sort());
      expect(styleSrc.filter((source) => source.startsWith("'sha")).sort()).toEqual([...new Set(inlineStyleHashes)].sort());
      expect(problems).toEqual([]);
    });
  }
});

describe('_headers', () => {
  test('sends what holds for every response, and the header-only directives', () => {
    const headers = readFileSync(`${DEFAULT_SITE_DIR}/_headers`, 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'\n/);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
  });
});
