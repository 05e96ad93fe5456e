// Every page but search reads without JavaScript, checked from the HTML of every page of both
// scripts. The browser check (tests/e2e/pages.test.ts, on the pages the sweep visits) compares
// <main>'s rendered text with JavaScript off and on; here the same two texts come from the markup:
// without JavaScript a reader sees <main> minus what is hidden (the `hidden` attribute, templates,
// scripts, styles) plus <noscript>; with JavaScript a script may also reveal a template or a hidden
// element (one that is not the accessible name or description of another element) and drops
// <noscript>. Same thresholds and messages as the browser check: text must be there, and at
// least 90 % of what JavaScript could show.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root } from 'hast';
import { isSearchPage, listPages } from '../../scripts/lib/built-pages.ts';
import { DEFAULT_SITE_DIR } from '../e2e/site-dir.ts';

const pages = listPages(DEFAULT_SITE_DIR).filter((page) => !page.redirect && !isSearchPage(page.path));

const NEVER_SHOWN = new Set(['script', 'style']);

function attribute(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function findMain(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'main') return child;
    const found = findMain(child);
    if (found) return found;
  }
  return undefined;
}

/** Ids that name or describe another element (aria-labelledby, aria-describedby): hidden on purpose, whatever runs. */
function referencedIds(node: Root | Element, out = new Set<string>()): Set<string> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const name of ['ariaLabelledBy', 'ariaDescribedBy']) for (const id of (attribute(child, name) ?? '').split(/\s+/)) if (id) out.add(id);
    referencedIds(child, out);
  }
  return out;
}

/** The text of <main> a reader can get without JavaScript, and the text a script could make visible. */
function readings(html: string): { plain: string; full: string } {
  const tree = fromHtml(html);
  const main = findMain(tree);
  if (!main) return { plain: '', full: '' };
  const named = referencedIds(tree);
  const plain: string[] = [];
  const full: string[] = [];
  const walk = (nodes: readonly ElementContent[], shownPlain: boolean, shownFull: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (shownPlain) plain.push(node.value);
        if (shownFull) full.push(node.value);
      } else if (node.type === 'element') {
        if (NEVER_SHOWN.has(node.tagName)) continue;
        const hidden = attribute(node, 'hidden') !== undefined;
        const revealable = !named.has(attribute(node, 'id') ?? '');
        if (node.tagName === 'template') {
          const content = (node as Element & { content?: Root }).content;
          walk((content?.children ?? []) as ElementContent[], false, shownFull);
        } else if (node.tagName === 'noscript') {
          walk(node.children, shownPlain, false);
        } else {
          walk(node.children, shownPlain && !hidden, shownFull && (!hidden || revealable));
        }
      }
    }
  };
  walk([main], true, true);
  const normalise = (parts: string[]): string => parts.join(' ').replace(/\s+/g, ' ').trim();
  return { plain: normalise(plain), full: normalise(full) };
}

describe('every page but search shows its main text without JavaScript (from the HTML)', () => {
  test('the site has pages to read', () => {
    expect(pages.length).toBeGreaterThan(0);
  });
  for (const builtPage of pages) {
    test(builtPage.path || '(home)', () => {
      const { plain, full } = readings(readFileSync(builtPage.file, 'utf8'));
      expect(plain.length, 'main has no text without JavaScript').toBeGreaterThan(0);
      expect(plain.length / full.length, 'text shown only with JavaScript').toBeGreaterThanOrEqual(0.9);
    });
  }
});
