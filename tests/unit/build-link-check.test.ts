// The build's link check (scripts/build/link-check.ts), which the integration runs on the staged
// site before the swap: a broken link or fragment throws, naming the page file, what is wrong and
// the content entry behind the element ids involved.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkStagedLinks, entriesOfIds } from '../../scripts/build/link-check.ts';
import { loadContent, type Site } from '../../src/lib/content/index.ts';

const ORIGIN = 'https://example.org';
let site: Site;
let dirs: string[] = [];

beforeAll(async () => {
  site = await loadContent('tests/fixtures/content-valid');
});

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A staged two-script site: each page with its canonical link, its twin and a sitemap entry. */
function staged(pages: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'staged-links-'));
  dirs.push(root);
  const locs: string[] = [];
  for (const [path, body] of Object.entries(pages)) {
    for (const prefix of ['', 'zh-hans/']) {
      const file = join(root, prefix + path, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `<!DOCTYPE html><html><head><title>t</title><link rel="canonical" href="${ORIGIN}/${prefix}${path}"></head><body>${body}</body></html>`);
      locs.push(`<url><loc>${ORIGIN}/${prefix}${path}</loc></url>`);
    }
  }
  writeFileSync(join(root, 'sitemap.xml'), `<?xml version="1.0"?><urlset>${locs.join('')}</urlset>`);
  return root;
}

const ARTICLE = '<main><p id="p-1"><a class="mention" id="mention-antoine-bordes-1" href="/people/antoine-bordes/">Bordes</a><mark id="event-bordes-leaves">left</mark></p></main>';

describe('the build link check', () => {
  it('passes a site whose links and fragments all resolve', () => {
    const root = staged({
      '': '<a href="/timeline/">timeline</a>',
      'article/': ARTICLE,
      'timeline/': '<ol><li id="event-bordes-leaves"><a href="/article/#event-bordes-leaves">in the article</a></li></ol>',
      'people/antoine-bordes/': '<a href="/article/#mention-antoine-bordes-1">mention</a>',
    });
    const result = checkStagedLinks(root, '/', site);
    expect(result.pages).toBe(8);
    expect(result.fragments).toBe(4);
  });

  it('fails naming the page file, the problem and the content entries of the ids involved', () => {
    const root = staged({
      '': '<a href="/timeline/">timeline</a>',
      'article/': ARTICLE,
      // The article has no #claim-lample-left: the claim's place went missing.
      'timeline/': '<ol><li id="claim-lample-left"><a href="/article/#claim-lample-left">in the article</a></li><li id="log-lost-zhang"><a href="/article/#fix-lost-zhang">place</a></li></ol>',
      // A link to a page that was never written, from inside a mention.
      'people/antoine-bordes/': '<p id="mention-antoine-bordes-1"><a href="/people/antoine-bordes-x/">x</a></p>',
    });
    let message = '';
    try {
      checkStagedLinks(root, '/', site);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe(`link check: 6 problems with internal links and fragments in the built site (files below ${root}); every link must point to a page and an id that the build writes:`);
    expect(lines).toContain(
      '  timeline/index.html: a[href] "/article/#claim-lample-left" has a fragment #claim-lample-left that no element on article/ carries ' +
        '(it sits in #claim-lample-left, made from claim "lample-left" (content/claims/demo.yaml))',
    );
    expect(lines).toContain(
      '  timeline/index.html: a[href] "/article/#fix-lost-zhang" has a fragment #fix-lost-zhang that no element on article/ carries ' +
        '(it sits in #log-lost-zhang, made from repair "lost-zhang" in the corrections log of content/articles/demo/index.md; ' +
        '#fix-lost-zhang is the place of repair "lost-zhang" in the corrections log of content/articles/demo/index.md)',
    );
    expect(lines).toContain(
      '  people/antoine-bordes/index.html: a[href] "/people/antoine-bordes-x/" has no file at people/antoine-bordes-x/ ' +
        '(it sits in #mention-antoine-bordes-1, made from a mention of person "antoine-bordes" (content/people/antoine-bordes.yaml) in article "demo")',
    );
    // The Simplified twins carry the same problems, under their own files.
    expect(lines.filter((line) => line.startsWith('  zh-hans/'))).toHaveLength(3);
  });

  it('says when an id names an entry that content/ does not have, and nothing for ids of no entry', () => {
    const entryOf = entriesOfIds(site);
    expect(entryOf('event-genai-team')).toBe('event "genai-team" (content/events/demo.yaml)');
    expect(entryOf('person-joelle-pineau')).toBe('person "joelle-pineau" (content/people/joelle-pineau.yaml)');
    expect(entryOf('claim-nobody-said-this')).toBe('claim "nobody-said-this", which content/ does not have');
    expect(entryOf('p-1')).toBeNull();
    expect(entryOf('site-header')).toBeNull();
  });
});
