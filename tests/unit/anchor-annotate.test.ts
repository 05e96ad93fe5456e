import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSlug from 'rehype-slug';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { articleBlocks } from '../../src/lib/content/article-text.ts';
import type { Anchor, Site } from '../../src/lib/content/index.ts';
import type { Claim, Event } from '../../src/lib/content/schema.ts';
import rehypeAnnotations, { DELETION_MARK, TAG_JOINER, type AnnotationOptions } from '../../src/plugins/rehype-annotations.ts';
import rehypeParagraphIds from '../../src/plugins/rehype-paragraph-ids.ts';
import remarkHtmlAsText from '../../src/plugins/remark-html-as-text.ts';
import remarkLostFigures from '../../src/plugins/remark-lost-figures.ts';

/** A mark to place: the n-th occurrence (from 1) of `quote` in block `block`. */
interface MarkSpec {
  kind: 'claim' | 'event' | 'fix' | 'mention';
  id: string;
  block: string;
  quote: string;
  nth?: number;
  /** For a deletion: the offset in the block. */
  at?: number;
}

const claimData = (by: string, notes: Claim['notes'] = []): Claim => ({
  by,
  how: 'reported',
  type: 'fact',
  text: '一句話。',
  anchor: { article: 'a', quote: 'x' },
  people: [],
  events: [],
  organizations: [],
  notes,
  contradicts: [],
});

/** Just enough of a Site for the plugin: one article, its anchors, two sources. */
function siteWith(body: string, specs: MarkSpec[], sources: Record<string, string> = { 'the-information': 'The Information' }): Site {
  const blocks = articleBlocks(body);
  const anchors: Site['anchors'] = { claim: new Map(), event: new Map(), fix: new Map() };
  const mentions = new Map<string, Anchor[]>();
  for (const spec of specs) {
    const block = blocks.find((b) => b.id === spec.block)!;
    let start = spec.at ?? -1;
    if (spec.at === undefined) for (let n = 0; n < (spec.nth ?? 1); n++) start = block.text.indexOf(spec.quote, start + 1);
    expect(start, `${spec.quote} in ${spec.block}`).toBeGreaterThanOrEqual(0);
    const anchor = (elementId: string): Anchor => ({ article: 'a', blockId: block.id, elementId, quote: spec.quote, context: block.text, start, end: start + spec.quote.length });
    if (spec.kind === 'mention') {
      const list = mentions.get(spec.id) ?? [];
      list.push(anchor(`mention-${spec.id}-${list.length + 1}`));
      mentions.set(spec.id, list);
    } else {
      anchors[spec.kind].set(spec.id, anchor(`${spec.kind}-${spec.id}`));
    }
  }
  const event: Event = { title: '事件', date: { value: '2023-01/2023-02', text: '前一週' }, lane: 'llama', people: [], organizations: [], anchor: { article: 'a', quote: 'x' }, notes: [], accounts: [] };
  return {
    articles: [{ id: 'a', file: 'content/articles/a/index.md', body, blocks }],
    people: [{ id: 'antoine-bordes' }, { id: 'joelle-pineau' }],
    anchors,
    mentions,
    // The one article is the featured one: its claims are on "claims/".
    archive: { claimPath: (id: string) => `claims/#claim-${id}`, eventPath: (id: string) => `timeline/#event-${id}` },
    get: {
      article: () => ({
        id: 'a',
        body,
        blocks,
        data: { corrections: { instances: specs.filter((spec) => spec.kind === 'fix').map((spec) => ({ id: spec.id, kind: 'lost-character' })) } },
      }),
      claim: (id: string) => ({ id, data: claimData(id.startsWith('pineau') ? 'joelle-pineau' : 'the-information', id.endsWith('disputed') ? [{ kind: 'contradiction', text: '前後矛盾' }] : []) }),
      event: (id: string) => ({ id, data: event }),
      source: (id: string) => ({ kind: 'organization', id, name: sources[id] ?? id }),
    },
  } as unknown as Site;
}

async function render(body: string, site: Site, options: Partial<AnnotationOptions> = {}): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkHtmlAsText)
    .use(remarkLostFigures)
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeParagraphIds)
    .use(rehypeAnnotations, { site, base: '/', article: 'a', ...options })
    .use(rehypeStringify)
    .process(body);
  return String(file);
}

const body = '其實，在發布的前一週，Antoine Bordes就離開了Meta。\n\nPineau表示，「我們試圖找到一條路。」\n';

describe('rehype-annotations', () => {
  it('wraps claims, events, repairs and mentions with ids, links and visible tags', async () => {
    const site = siteWith(body, [
      { kind: 'event', id: 'bordes-leaves', block: 'p-1', quote: '在發布的前一週，Antoine Bordes就離開了Meta' },
      { kind: 'mention', id: 'antoine-bordes', block: 'p-1', quote: 'Antoine Bordes' },
      { kind: 'claim', id: 'pineau-way', block: 'p-2', quote: '我們試圖找到一條路。' },
      { kind: 'fix', id: 'lost-lu', block: 'p-2', quote: '路' },
      { kind: 'mention', id: 'joelle-pineau', block: 'p-2', quote: 'Pineau' },
    ]);
    expect(await render(body, site, { base: '/sub' })).toBe(
      '<p id="p-1">其實，<span class="event" id="event-bordes-leaves">在發布的前一週，<a class="mention" id="mention-antoine-bordes-1" href="/sub/people/antoine-bordes/">Antoine Bordes</a>就離開了Meta<a class="event-tag" href="/sub/timeline/#event-bordes-leaves">\u2060〔2023年1月至2月〕</a></span>。</p>\n' +
        '<p id="p-2"><a class="mention" id="mention-joelle-pineau-1" href="/sub/people/joelle-pineau/">Pineau</a>表示，「<span class="claim" id="claim-pineau-way">我們試圖找到一條<a class="fix" id="fix-lost-lu" href="#log-lost-lu" aria-label="修正 1：遺失字元，改為「路」">路</a>。<a class="claim-tag" href="/sub/claims/#claim-pineau-way">\u2060〔joelle-pineau・報道〕</a></span>」</p>',
    );
  });

  it('nests equal ranges claim > event > repair > mention, outermost first', async () => {
    const site = siteWith(body, [
      { kind: 'mention', id: 'antoine-bordes', block: 'p-1', quote: 'Antoine Bordes' },
      { kind: 'claim', id: 'same', block: 'p-1', quote: 'Antoine Bordes' },
      { kind: 'event', id: 'same', block: 'p-1', quote: 'Antoine Bordes' },
    ]);
    const html = await render(body, site);
    expect(html).toContain(
      '<span class="claim" id="claim-same"><span class="event" id="event-same"><a class="mention" id="mention-antoine-bordes-1" href="/people/antoine-bordes/">Antoine Bordes</a><a class="event-tag" href="/timeline/#event-same">\u2060〔2023年1月至2月〕</a></span><a class="claim-tag" href="/claims/#claim-same">\u2060〔The Information・報道〕</a></span>',
    );
  });

  it('splits a partly overlapping range into pieces: the first keeps the id, the last the tag', async () => {
    const site = siteWith(body, [
      { kind: 'claim', id: 'left', block: 'p-1', quote: '在發布的前一週，Antoine' },
      { kind: 'event', id: 'later', block: 'p-1', quote: '前一週，Antoine Bordes就離開了' },
    ]);
    const html = await render(body, site);
    expect(html).toContain(
      '<span class="claim" id="claim-left">在發布的<span class="event" id="event-later">前一週，Antoine</span><a class="claim-tag" href="/claims/#claim-left">\u2060〔The Information・報道〕</a></span><span class="event"> Bordes就離開了<a class="event-tag" href="/timeline/#event-later">\u2060〔2023年1月至2月〕</a></span>Meta。',
    );
    expect(html.match(/id="event-later"/g)).toHaveLength(1);
  });

  it('never puts a link inside a link', async () => {
    const linked = '見[Antoine Bordes的報道](https://example.org/a)。\n';
    const site = siteWith(linked, [
      { kind: 'mention', id: 'antoine-bordes', block: 'p-1', quote: 'Antoine Bordes' },
      { kind: 'claim', id: 'around-link', block: 'p-1', quote: '見Antoine Bordes的報道。' },
    ]);
    expect(await render(linked, site)).toBe(
      '<p id="p-1"><span class="claim" id="claim-around-link">見<a href="https://example.org/a"><span class="mention" id="mention-antoine-bordes-1">Antoine Bordes</span>的報道</a>。<a class="claim-tag" href="/claims/#claim-around-link">\u2060〔The Information・報道〕</a></span></p>',
    );
    const fixInMention = siteWith(body, [
      { kind: 'mention', id: 'antoine-bordes', block: 'p-1', quote: 'Antoine Bordes' },
      { kind: 'fix', id: 'lost-b', block: 'p-1', quote: 'B' },
    ]);
    expect(await render(body, fixInMention)).toContain('href="/people/antoine-bordes/">Antoine <span class="fix" id="fix-lost-b">B</span>ordes</a>');
  });

  it('marks a deletion where the text was removed', async () => {
    const site = siteWith(body, [{ kind: 'fix', id: 'debris', block: 'p-2', quote: '', at: body.indexOf('」') - body.indexOf('Pineau') }]);
    expect(await render(body, site)).toContain(
      `找到一條路。<a class="fix fix-deletion" id="fix-debris" href="#log-debris" aria-label="${DELETION_MARK}修正 1：遺失字元，刪去殘片">${DELETION_MARK}</a>」`,
    );
  });

  it('shows contradictions in the tag and links organizations to their pages', async () => {
    const site = siteWith(body, [
      { kind: 'claim', id: 'bordes-disputed', block: 'p-1', quote: 'Antoine Bordes就離開了Meta' },
      { kind: 'mention', id: 'meta', block: 'p-1', quote: 'Meta' },
    ]);
    const html = await render(body, site);
    expect(html).toContain('<a class="mention" id="mention-meta-1" href="/organizations/meta/">Meta</a>');
    expect(html).toContain(`${TAG_JOINER}〔The Information・報道・自相矛盾〕`);
    expect(await render(body, site, { base: '/project/' })).toContain('href="/project/organizations/meta/"');
  });

  it('shows markup-like text from content and from the body as text, never as markup', async () => {
    const hostile = 'The Information報道<script>alert(1)</script>。\n\n"><img src=x onerror=alert(1)>\n';
    const site = siteWith(hostile, [{ kind: 'claim', id: 'x', block: 'p-1', quote: 'The Information報道' }], {
      'the-information': '"><img src=x onerror=alert(1)><script>alert(1)</script>',
    });
    const html = await render(hostile, site);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toBe(
      '<p id="p-1"><span class="claim" id="claim-x">The Information報道<a class="claim-tag" href="/claims/#claim-x">\u2060〔">&#x3C;img src=x onerror=alert(1)>&#x3C;script>alert(1)&#x3C;/script>・報道〕</a></span>&#x3C;script>alert(1)&#x3C;/script>。</p>\n' +
        '<p id="p-2">">&#x3C;img src=x onerror=alert(1)></p>',
    );
  });

  it('names a repair link after its entry in the log, kind and new text, not the one character it covers', async () => {
    const site = siteWith(body, [
      { kind: 'fix', id: 'lost-wo', block: 'p-2', quote: '我' },
      { kind: 'fix', id: 'lost-lu', block: 'p-2', quote: '路' },
    ]);
    expect(await render(body, site)).toContain('<a class="fix" id="fix-lost-lu" href="#log-lost-lu" aria-label="修正 2：遺失字元，改為「路」">路</a>');
  });

  it('uses the Astro base in every link', async () => {
    const site = siteWith(body, [{ kind: 'mention', id: 'joelle-pineau', block: 'p-2', quote: 'Pineau' }]);
    expect(await render(body, site, { base: '/project/' })).toContain('href="/project/people/joelle-pineau/"');
    expect(await render(body, site, { base: 'project' })).toContain('href="/project/people/joelle-pineau/"');
  });

  it('fails loudly when the rendered text is not the validated text', async () => {
    const site = siteWith(body, []);
    await expect(render('其實，另一段文字。\n', site)).rejects.toThrow(/block p-1 renders as "其實，另一段文字。" but was validated as/);
  });
});
